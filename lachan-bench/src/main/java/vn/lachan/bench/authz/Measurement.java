package vn.lachan.bench.authz;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times loops of real API calls and reads the server's request and gate timers before and after each loop, so
 * that the gate's share and the whole call come from the same run. Loops run one after another: the difference
 * of two scrapes belongs to one loop.
 *
 * <p>Not thread-safe.
 */
final class Measurement {
    static final String REQUESTS = "lachan_http_requests_seconds";
    static final String GATE = "lachan_http_gate_seconds";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A caller of the API.
     *
     * @param name what the report calls it
     * @param token the token of its warm loops
     * @param coldTokens fresh tokens, each used once for the cold case
     * @param spareTokens more fresh tokens, each used once to warm up the verification path
     */
    record Caller(String name, String token, List<String> coldTokens, List<String> spareTokens) {}

    private record Scrape(TimerTotals requests, TimerTotals gate) {}

    private final ApiClient api;
    private final String admin;
    private final long serverPid;
    private final Runnable settle;
    private final PrintStream log;

    /**
     * Creates the measurement against the server of process {@code serverPid}; {@code settle} waits until the
     * server has no background work left (the pipeline's backlog), so that a loop's CPU time is its own.
     */
    Measurement(ApiClient api, String adminToken, long serverPid, Runnable settle, PrintStream log) {
        this.api = api;
        this.admin = adminToken;
        this.serverPid = serverPid;
        this.settle = settle;
        this.log = log;
    }

    /** Sends each call {@code count} times untimed, to let both JVMs compile the paths measured. */
    void warmUp(Caller caller, List<Calls.Call> calls, int count, int threads) {
        for (Calls.Call call : calls) {
            check(caller, call, CallLoop.run(api, call, List.of(caller.token()), count, threads));
        }
        List<String> spare = caller.spareTokens();
        check(caller, Calls.me(), CallLoop.run(api, Calls.me(), spare, spare.size(), 1));
    }

    private static void check(Caller caller, Calls.Call call, CallLoop.Outcome o) {
        if (o.failures() > 0) {
            throw new IllegalStateException(
                    caller.name() + "'s " + call.name() + " failed while warming up: " + o.firstFailure());
        }
    }

    /** Times {@code count} calls of {@code call} by {@code caller} on {@code threads}. */
    CallFigures warm(Caller caller, Calls.Call call, int count, int threads) {
        String mode = threads <= 1 ? "sequential" : "concurrent-" + threads;
        return measure(caller, mode, call, List.of(caller.token()), count, threads);
    }

    /** Times the first call of each of the caller's fresh tokens, one after another. */
    CallFigures cold(Caller caller, Calls.Call call) {
        List<String> tokens = caller.coldTokens();
        return measure(caller, "cold-token", call, tokens, tokens.size(), 1);
    }

    private CallFigures measure(
            Caller caller, String mode, Calls.Call call, List<String> tokens, int count, int threads) {
        long total = mode.equals("cold-token") ? -1 : pageTotal(call, caller.token());
        settle.run();
        Scrape before = scrape();
        long cpuBefore = ProcessCpu.nanos(serverPid);
        CallLoop.Outcome loop = CallLoop.run(api, call, tokens, count, threads);
        long cpu = ProcessCpu.nanos(serverPid) - cpuBefore;
        Scrape after = scrape();
        CallFigures f = CallFigures.of(
                caller.name(),
                mode,
                call,
                loop,
                after.requests().since(before.requests(), call.route()),
                after.gate().since(before.gate(), call.route()),
                cpuBefore < 0 ? -1 : cpu,
                total);
        log.println(String.format(
                Locale.ROOT,
                "authz: %-8s %-13s %-58s client %8.1f µs  server %8.1f µs  cpu %8.1f µs  gate %6.2f µs  %5.2f %% / %5.2f %%"
                        + " / %5.2f %%",
                f.caller(),
                f.mode(),
                f.call(),
                f.clientMeanMicros(),
                f.serverMeanMicros(),
                f.serverCpuMicros(),
                f.gateMeanMicros(),
                f.gateShareOfClient(),
                f.gateShareOfServer(),
                f.gateShareOfServerCpu()));
        return f;
    }

    private long pageTotal(Calls.Call call, String token) {
        ApiClient.Answer a = call.send(api, token);
        if (a.status() / 100 != 2 || !a.body().startsWith("{")) {
            return -1;
        }
        JsonNode total = JSON.readTree(a.body()).path("total");
        if (total.isMissingNode()) {
            return -1;
        }
        return total.isObject() ? total.path("value").asLong() : total.asLong();
    }

    private Scrape scrape() {
        String text = api.getOk("/metrics", admin);
        return new Scrape(TimerTotals.read(text, REQUESTS), TimerTotals.read(text, GATE));
    }
}
