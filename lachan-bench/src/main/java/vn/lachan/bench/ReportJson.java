package vn.lachan.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes a harness report as one JSON object, for scripts that compare runs. */
final class ReportJson {
    private ReportJson() {}

    /** Returns the machine as a JSON object, the same in every harness's report. */
    static String machine(Machine m) {
        return String.format(
                Locale.ROOT,
                "{\"cpu\": %s, \"cores\": %d, \"jvm\": %s, \"os\": %s, \"maxHeapMb\": %d, \"gc\": %s}",
                quote(m.cpu()),
                m.cores(),
                quote(m.jvm()),
                quote(m.os()),
                m.maxHeapMb(),
                quote(m.gc()));
    }

    static String write(HarnessReport report, String command) {
        Summary s = report.summary();
        Machine m = report.machine();
        String passes = report.passes().stream().map(ReportJson::pass).collect(Collectors.joining(",\n    "));
        return String.format(
                Locale.ROOT,
                """
                {
                  "command": %s,
                  "machine": %s,
                  "rules": {"documentsLoaded": %d, "rejected": %d, "warnings": %d, "running": %d, \
                "compileProblems": %d, "loadSeconds": %.4f, "compileSeconds": %.4f, "totalSeconds": %.4f, \
                "retainedHeapMb": %.2f, "retainedHeapAfterRunMb": %.2f},
                  "summary": {"events": %d, "alerts": %d, "parseOnlyEventsPerSecond": %.1f, \
                "withRulesEventsPerSecond": %.1f, "ratio": %.4f, "rulesNsPerEvent": %.1f, "consistent": %b},
                  "targets": {"withRulesEventsPerSecond": %b, "ratio": %b, "compileSeconds": %b, "heapMb": %b},
                  "passes": [
                    %s
                  ]
                }
                """,
                quote(command),
                ReportJson.machine(m),
                report.rules().documentsLoaded(),
                report.rules().rejected().size(),
                report.rules().warnings().size(),
                report.rulesRunning(),
                report.compileProblems(),
                report.rules().loadSeconds(),
                report.rules().compileSeconds(),
                report.rules().totalSeconds(),
                report.heapMb(),
                report.heapAfterRunMb(),
                s.events(),
                s.alerts(),
                s.parseOnlyRate(),
                s.withRulesRate(),
                s.ratio(),
                s.nsPerEventForRules(),
                s.consistent(),
                s.withRulesRate() >= HarnessReport.TARGET_RATE,
                s.ratio() >= HarnessReport.TARGET_RATIO,
                report.rules().totalSeconds() < HarnessReport.TARGET_COMPILE_SECONDS,
                report.peakHeapMb() < HarnessReport.TARGET_HEAP_MB,
                passes);
    }

    private static String pass(PhaseResult p) {
        return String.format(
                Locale.ROOT,
                "{\"round\": %d, \"phase\": %s, \"events\": %d, \"seconds\": %.4f, \"eventsPerSecond\": %.1f, "
                        + "\"alerts\": %d, \"problems\": %d, \"skipped\": %d, \"loadBefore\": %.2f, \"loadAfter\": %.2f}",
                p.round(),
                quote(p.phase().label()),
                p.events(),
                p.seconds(),
                p.eventsPerSecond(),
                p.alerts(),
                p.problems(),
                p.skipped(),
                p.loadBefore(),
                p.loadAfter());
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String joinArgs(List<String> args) {
        return String.join(" ", args);
    }
}
