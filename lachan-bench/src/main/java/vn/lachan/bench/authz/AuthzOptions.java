package vn.lachan.bench.authz;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The authorization harness's settings.
 *
 * @param calls timed calls per call kind, caller and mode
 * @param warmup untimed calls per call kind and caller before the first timed loop
 * @param threads calling threads of the concurrent loops
 * @param events OTRF events fed before timing (half by the officer, half by the administrator)
 * @param departments departments under the province
 * @param units units under each department
 * @param cold fresh tokens per caller, each timed on its first call
 * @param json where to write the JSON report, or null
 * @param work the folder for the server's data, or null for a temporary one
 * @param keep whether to keep the server's folder afterwards
 * @param serverOptions more JVM options for the server (e.g. to record it with JFR)
 */
record AuthzOptions(
        int calls,
        int warmup,
        int threads,
        int events,
        int departments,
        int units,
        int cold,
        @Nullable Path json,
        @Nullable Path work,
        boolean keep,
        List<String> serverOptions) {
    static final String USAGE = """
            usage: scripts/bench.sh authz [--calls N] [--warmup N] [--threads N] [--events N] [--departments N]
                                          [--units N] [--cold N] [--json FILE] [--work DIR] [--keep]
                                          [--server-opt JVM_OPTION]...
              --calls N        timed calls per route, caller and mode (default 2000)
              --warmup N       untimed calls per route and caller first, half on one thread, half on all (default 4000)
              --threads N      calling threads of the concurrent loops (default 4)
              --events N       OTRF events fed before timing (default 4000)
              --departments N  departments under the province (default 20)
              --units N        units under each department (default 10)
              --cold N         fresh tokens per caller, each timed on its first call (default 50)
              --json FILE      also write the report as JSON
              --work DIR       the server's folder (default: a temporary one, deleted afterwards)
              --keep           keep the server's folder (its log, its data)
              --server-opt O   a JVM option for the server, e.g. -XX:StartFlightRecording=filename=/tmp/s.jfr
            """;

    AuthzOptions {
        serverOptions = List.copyOf(serverOptions);
        positive("--calls", calls);
        positive("--threads", threads);
        positive("--departments", departments);
        positive("--cold", cold);
        if (warmup < 0 || units < 0) {
            throw new IllegalArgumentException("--warmup and --units must not be negative");
        }
        if (events < 2 * Calls.INGEST_EVENTS) {
            throw new IllegalArgumentException("--events must be at least " + 2 * Calls.INGEST_EVENTS);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }

    /** Reads the command line; throws with the bad option named. */
    static AuthzOptions parse(List<String> args) {
        int[] n = {2000, 4000, 4, 4000, 20, 10, 50};
        List<String> names =
                List.of("--calls", "--warmup", "--threads", "--events", "--departments", "--units", "--cold");
        Path json = null;
        Path work = null;
        boolean keep = false;
        List<String> serverOptions = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            int at = names.indexOf(a);
            if (at >= 0) {
                n[at] = number(a, value(args, ++i, a));
            } else if (a.equals("--json")) {
                json = Path.of(value(args, ++i, a));
            } else if (a.equals("--work")) {
                work = Path.of(value(args, ++i, a));
            } else if (a.equals("--server-opt")) {
                serverOptions.add(value(args, ++i, a));
            } else if (a.equals("--keep")) {
                keep = true;
            } else {
                throw new IllegalArgumentException("unknown option '" + a + "' (see --help)");
            }
        }
        return new AuthzOptions(n[0], n[1], n[2], n[3], n[4], n[5], n[6], json, work, keep, serverOptions);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int number(String option, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + text + "'");
        }
    }
}
