package vn.lachan.bench.authz;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import vn.lachan.bench.corpus.BenchCorpus;
import vn.lachan.bench.e2e.Commit;
import vn.lachan.bench.e2e.ServerProcess;
import vn.lachan.bench.e2e.WorkFiles;
import vn.lachan.testkit.Corpus;

/**
 * Measures issue 5's target, authorization adds less than 5 % to the cost of an API call, in one run: starts
 * {@code lachan serve} in its own JVM on a fresh data folder, lays out a province (departments and units),
 * issues tokens to a monitoring-center analyst and to a department's security officer, feeds OTRF events, then
 * times real API calls over loopback per caller, one thread and then several, and reads the server's request
 * timer and the gate's timer over each loop. The first call of fresh tokens (a SHA-256 and a SELECT) is timed
 * apart.
 *
 * <p>Run it with {@code scripts/bench.sh authz}; see docs/performance.md.
 */
public final class AuthzHarness {
    private static final String OFFICER = "officer";
    private static final String ANALYST = "analyst";

    private final AuthzOptions options;
    private final PrintStream log;

    AuthzHarness(AuthzOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** Runs the harness with command-line arguments (see {@code scripts/bench.sh authz --help}). */
    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(AuthzOptions.USAGE);
            return;
        }
        AuthzOptions options;
        try {
            options = AuthzOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("authz: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (Corpus.find().isEmpty()) {
            System.err.println("authz: the shared corpus (../shared/corpus, or -Dlachan.corpus) is absent: no events"
                    + " or rules to load the server with");
            System.exit(2);
            return;
        }
        AuthzReport report = new AuthzHarness(options, System.err).run(String.join(" ", args));
        System.out.print(ReportText.write(report));
        if (options.json() != null) {
            WorkFiles.writeJson(report, options.json());
            System.out.println("authz: JSON report in " + options.json());
        }
    }

    AuthzReport run(String command) {
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadBefore = Load.all();
        Path work = WorkFiles.workFolder(options.work(), "lachan-authz");
        ServerProcess.Launch launch = new ServerProcess.Launch(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"),
                options.serverOptions(),
                work.resolve("server"),
                List.of(Corpus.get("sigma/rules/windows")),
                "4GiB");
        log.println("authz: starting lachan serve in " + launch.folder());
        try (ServerProcess server = ServerProcess.start(launch)) {
            log.println("authz: " + server);
            return measure(command, started, loadBefore, server);
        } finally {
            if (!options.keep()) {
                WorkFiles.deleteTree(work);
            }
        }
    }

    private AuthzReport measure(String command, String started, String loadBefore, ServerProcess server) {
        ApiClient api = new ApiClient(server.baseUrl());
        Province province = new Province(api, server.token(), log);
        int organizations = province.create(options.departments(), options.units());
        province.say(organizations + " organizations created");
        Measurement.Caller analyst = caller(province, ANALYST, "SOC_ANALYST", "SOC");
        Measurement.Caller officer = caller(province, OFFICER, "ORG_SECURITY_OFFICER", Province.OFFICER_ORG);
        List<String> lines = sample();
        List<List<String>> halves = Province.split(lines);
        long fed = province.feed(halves.get(0), officer.token()) + province.feed(halves.get(1), analyst.token());
        province.awaitStored(fed, Duration.ofMinutes(5));
        String code = province.commonEventCode(officer.token());
        province.say(fed + " events stored; the search asks for event.code:" + code);
        List<Calls.Call> calls = List.of(Calls.alerts(), Calls.search(code), Calls.ingest(lines), Calls.me());
        Measurement m = new Measurement(
                api, server.token(), server.pid(), () -> province.awaitStored(0, Duration.ofMinutes(5)), log);
        province.say("warming up both JVMs: " + options.warmup() + " calls of each kind per caller");
        List<CallFigures> figures = time(m, List.of(analyst, officer), calls);
        return new AuthzReport(
                command,
                Commit.describe(),
                Commit.machine(),
                started,
                loadBefore,
                Load.all(),
                organizations,
                1 + options.units(),
                fed,
                code,
                figures,
                AuthzReport.share(figures, CallFigures::gateShareOfClient),
                AuthzReport.share(figures, CallFigures::gateShareOfServerCpu),
                AuthzReport.share(figures, CallFigures::gateShareOfServer),
                AuthzReport.judge(figures));
    }

    /** Warms both JVMs up on every call of every caller, then times each caller's loops. */
    private List<CallFigures> time(Measurement m, List<Measurement.Caller> callers, List<Calls.Call> calls) {
        for (int round = 0; round < 2; round++) {
            for (Measurement.Caller caller : callers) {
                m.warmUp(caller, calls, options.warmup() / 2, round == 0 ? 1 : options.threads());
            }
        }
        List<CallFigures> figures = new ArrayList<>();
        for (Measurement.Caller caller : callers) {
            for (Calls.Call call : calls) {
                figures.add(m.warm(caller, call, options.calls(), 1));
            }
            for (Calls.Call call : calls) {
                figures.add(m.warm(caller, call, options.calls(), options.threads()));
            }
            figures.add(m.cold(caller, Calls.me()));
        }
        return figures;
    }

    private Measurement.Caller caller(Province province, String name, String role, String organization) {
        String token = province.token("authz-" + name, role, organization);
        List<String> cold = new ArrayList<>();
        for (int i = 0; i < 2 * options.cold(); i++) {
            cold.add(province.token("authz-" + name + "-cold-" + i, role, organization));
        }
        int half = options.cold();
        return new Measurement.Caller(
                name, token, List.copyOf(cold.subList(0, half)), List.copyOf(cold.subList(half, 2 * half)));
    }

    private List<String> sample() {
        int archives = Math.max(1, BenchCorpus.otrfArchives().size());
        List<String> lines = BenchCorpus.otrfSample(Math.ceilDiv(options.events(), archives));
        return List.copyOf(lines.subList(0, Math.min(lines.size(), options.events())));
    }
}
