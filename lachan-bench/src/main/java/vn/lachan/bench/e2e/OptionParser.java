package vn.lachan.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.lachan.bench.e2e.E2eOptions.PhaseKind;

/** Reads the end-to-end harness's command line into {@link E2eOptions}. Not thread-safe; use once. */
final class OptionParser {
    private final List<String> args;
    private int i;
    private final E2eOptions d = E2eOptions.defaults();
    private double rate = d.rate();
    private Duration duration = d.duration();
    private Duration capacityDuration = d.capacityDuration();
    private double capacity;
    private final List<Double> latencyRates = new ArrayList<>();
    private double burstFactor = d.burstFactor();
    private Duration burstDuration = d.burstDuration();
    private Set<PhaseKind> phases = EnumSet.copyOf(d.phases());
    private String budget = d.journalBudget();
    private Duration drain = d.drainTimeout();
    private int workers = d.workers();
    private int batch = d.maxBatch();
    private Duration tick = d.tick();
    private Duration probe = d.probeEvery();
    private long cap = d.backlogCap();
    private final List<Path> rules = new ArrayList<>();
    private @Nullable Path json;
    private @Nullable Path work;
    private boolean keep;
    private @Nullable String classpath;
    private final List<String> serverOptions = new ArrayList<>();
    private String serverConfig = "";
    private long preload;

    OptionParser(List<String> args) {
        this.args = args;
    }

    E2eOptions parse() {
        for (i = 0; i < args.size(); i++) {
            option(args.get(i));
        }
        return new E2eOptions(
                rate,
                duration,
                capacityDuration,
                capacity,
                List.copyOf(latencyRates),
                burstFactor,
                burstDuration,
                phases,
                budget,
                drain,
                workers,
                batch,
                tick,
                probe,
                cap,
                List.copyOf(rules),
                json,
                work,
                keep,
                classpath,
                List.copyOf(serverOptions),
                serverConfig,
                preload);
    }

    private void option(String arg) {
        switch (arg) {
            case "--rate" -> rate = positive(arg);
            case "--duration" -> duration = seconds(arg);
            case "--capacity-seconds" -> capacityDuration = seconds(arg);
            case "--capacity" -> capacity = positive(arg);
            case "--latency-rate" -> latencyRates.add(positive(arg));
            case "--burst" -> phases.add(PhaseKind.BURST);
            case "--burst-factor" -> burstFactor = positive(arg);
            case "--burst-seconds" -> burstDuration = seconds(arg);
            case "--only" -> phases = phases(value(arg));
            case "--journal-budget" -> budget = value(arg);
            case "--drain-timeout" -> drain = seconds(arg);
            case "--workers" -> workers = (int) positive(arg);
            case "--batch" -> batch = (int) positive(arg);
            case "--tick-ms" -> tick = Duration.ofMillis((long) positive(arg));
            case "--probe-ms" -> probe = Duration.ofMillis((long) positive(arg));
            case "--backlog-cap" -> cap = (long) positive(arg);
            case "--rules" -> rules.add(Path.of(value(arg)));
            case "--json" -> json = Path.of(value(arg));
            case "--work" -> work = Path.of(value(arg));
            case "--keep" -> keep = true;
            case "--server-classpath" -> classpath = value(arg);
            case "--server-opt" -> serverOptions.add(value(arg));
            case "--server-config" -> serverConfig = readConfig(value(arg));
            case "--preload" -> preload = (long) positive(arg);
            default -> throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + E2eOptions.USAGE);
        }
    }

    private static String readConfig(String file) {
        try {
            String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (IOException e) {
            throw new IllegalArgumentException("--server-config: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Set<PhaseKind> phases(String list) {
        Set<PhaseKind> out = EnumSet.noneOf(PhaseKind.class);
        for (String name : list.split(",")) {
            try {
                out.add(PhaseKind.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "--only: unknown phase '" + name + "' (sustained, capacity, latency, burst)", e);
            }
        }
        return out;
    }

    private String value(String option) {
        if (++i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + E2eOptions.USAGE);
        }
        return args.get(i);
    }

    private double positive(String option) {
        String text = value(option);
        try {
            double v = Double.parseDouble(text.replace("_", ""));
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException(option + " needs a positive number, not '" + text + "'");
    }

    private Duration seconds(String option) {
        return Duration.ofMillis(Math.round(positive(option) * 1000));
    }
}
