package vn.lachan.app.serve;

import java.io.PrintStream;

/** Prints where a started platform listens and what it runs. */
final class Banner {
    private Banner() {}

    static void print(PrintStream out, Platform platform) {
        String http = platform.baseUrl();
        out.println(
                "lachan: platform running; data in " + platform.config().data().toAbsolutePath());
        out.println("  HTTP API      " + http + "/api/v1/  (health: " + http + "/api/v1/health, metrics: " + http
                + "/metrics)");
        out.println("  ingest        POST " + http + "/api/v1/ingest  and  POST " + http + "/_bulk");
        platform.syslogTcp().ifPresent(a -> out.println("  syslog TCP    " + a.getHostString() + ":" + a.getPort()));
        platform.syslogUdp().ifPresent(a -> out.println("  syslog UDP    " + a.getHostString() + ":" + a.getPort()));
        platform.syslogTls().ifPresent(a -> out.println("  syslog TLS    " + a.getHostString() + ":" + a.getPort()));
        var rules = platform.rules();
        if (rules != null) {
            out.println("  rules         " + rules.status().rules() + " running, "
                    + rules.status().problems().size() + " problems; folders "
                    + platform.config().ruleFolders());
        }
        out.println("  warm-up       " + platform.warmUp());
        out.println("  alerts        GET " + http + "/api/v1/alerts   live: GET " + http + "/api/v1/alerts/stream");
    }
}
