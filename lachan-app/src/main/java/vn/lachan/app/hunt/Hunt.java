package vn.lachan.app.hunt;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import vn.lachan.core.problem.Problem;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.ingest.file.ReadCounts;
import vn.lachan.sigma.Alert;

/**
 * Runs the events through a detector and writes the alerts in a stable order: with one thread, in
 * the order events are read (files parsed ahead on a second thread); with several, files are read
 * and matched at once and their alerts written file by file in listing order.
 */
final class Hunt {
    private static final int READ_AHEAD_BATCHES = 16;

    private final Detector detector;
    private final AlertWriter writer;
    private final ProblemLog problems;
    private final AtomicLong processed;
    private final Map<String, Long> detections = new HashMap<>();
    private final CountSum sums = new CountSum();
    private long correlations;

    Hunt(Detector detector, AlertWriter writer, ProblemLog problems, AtomicLong processed) {
        this.detector = detector;
        this.writer = writer;
        this.problems = problems;
        this.processed = processed;
    }

    /** Reads {@code events} with {@code threads} threads; returns what was read. */
    ReadCounts run(List<Path> events, int threads) {
        ReadCounts counts = threads == 1 ? sequential(events) : parallel(events, threads);
        detector.finish(this::emit);
        return counts;
    }

    Map<String, Long> detections() {
        return detections;
    }

    long correlations() {
        return correlations;
    }

    private ReadCounts sequential(List<Path> events) {
        EventFiles files = new EventFiles(problems::report);
        return files.readAhead(events, READ_AHEAD_BATCHES, event -> {
            detector.process(event, this::emit);
            processed.incrementAndGet();
        });
    }

    private ReadCounts parallel(List<Path> events, int threads) {
        EventFiles files = new EventFiles(problem -> {}); // problems go with each file's own output
        List<Path> list = files.list(events);
        Deque<CompletableFuture<FileOutput>> pending = new ArrayDeque<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("lachan-hunt-", 1).daemon().factory())) {
            for (Path file : list) {
                pending.add(CompletableFuture.supplyAsync(() -> readOne(file), pool));
                if (pending.size() >= 2 * threads) {
                    write(pending.removeFirst().join());
                }
            }
            while (!pending.isEmpty()) {
                write(pending.removeFirst().join());
            }
        }
        sums.add(files.counts()); // entries the listing skipped
        return sums.total;
    }

    private FileOutput readOne(Path file) {
        FileOutput output = new FileOutput(new ArrayList<>(), new ArrayList<>());
        // one EventFiles per file keeps this file's problems with it; the run's counts are summed by the caller
        EventFiles reader = new EventFiles(output.problems()::add);
        reader.read(file, event -> {
            detector.process(event, output.alerts()::add);
            processed.incrementAndGet();
        });
        return output.with(reader.counts());
    }

    private void write(FileOutput output) {
        output.problems().forEach(problems::report);
        output.alerts().forEach(this::emit);
        sums.add(output.counts());
    }

    private void emit(Alert alert) {
        String level =
                alert.rule().level() == null ? "none" : alert.rule().level().keyword();
        detections.merge(level, 1L, Long::sum);
        if (alert.kind() == Alert.Kind.CORRELATION) {
            correlations++;
        }
        writer.write(alert);
    }

    /** Holds one file's alerts and problems until its turn to be written. */
    private record FileOutput(List<Alert> alerts, List<Problem> problems, ReadCounts counts) {
        FileOutput(List<Alert> alerts, List<Problem> problems) {
            this(alerts, problems, new ReadCounts(0, 0, 0, 0));
        }

        FileOutput with(ReadCounts read) {
            return new FileOutput(alerts, problems, read);
        }
    }

    /** Adds up the counts of files read one by one. */
    private static final class CountSum {
        private ReadCounts total = new ReadCounts(0, 0, 0, 0);

        void add(ReadCounts more) {
            total = new ReadCounts(
                    total.files() + more.files(),
                    total.events() + more.events(),
                    total.parseErrors() + more.parseErrors(),
                    total.skippedEntries() + more.skippedEntries());
        }
    }
}
