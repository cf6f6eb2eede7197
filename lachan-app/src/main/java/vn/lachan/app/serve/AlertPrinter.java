package vn.lachan.app.serve;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.alert.AlertRecord;

/** Prints each new alert as one line while the demo runs (the first ones), and counts them by level. */
final class AlertPrinter implements Consumer<AlertRecord> {
    private static final int SHOWN = 40;

    private final PrintStream out;
    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();
    private final Map<AlertLevel, Integer> byLevel = new TreeMap<>();

    AlertPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(AlertRecord alert) {
        if (seen.putIfAbsent(alert.id(), Boolean.TRUE) != null) {
            return;
        }
        byLevel.merge(alert.level(), 1, Integer::sum);
        if (seen.size() <= SHOWN) {
            out.printf(
                    Locale.ROOT,
                    "  ALERT %-8s %s  [%s]%s%n",
                    alert.level().wire(),
                    alert.title(),
                    alert.entities().getOrDefault("host.name", "?"),
                    alert.correlation() ? "  (correlation)" : "");
        } else if (seen.size() == SHOWN + 1) {
            out.println("  ... more alerts: see GET /api/v1/alerts");
        }
    }

    synchronized void summary() {
        StringBuilder line = new StringBuilder("lachan demo: new alerts by level:");
        byLevel.forEach(
                (level, n) -> line.append(' ').append(level.wire()).append(' ').append(n));
        out.println(line);
    }
}
