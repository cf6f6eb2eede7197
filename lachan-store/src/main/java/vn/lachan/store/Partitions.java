package vn.lachan.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;

/** Maps instants to partitions named by their start ({@code 2026-03-01}, or {@code 2026-03-01T06}). */
final class Partitions implements AutoCloseable {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH", Locale.ROOT);

    private final Path root;
    private final long spanMillis;
    private final Analyzer analyzer;
    private final double ramBufferMb;
    private final boolean storeFields;
    private final ConcurrentSkipListMap<String, Partition> open = new ConcurrentSkipListMap<>();

    Partitions(Path root, StoreConfig config, Analyzer analyzer, List<Problem> problems, boolean storeFields) {
        this.storeFields = storeFields;
        this.root = root;
        this.spanMillis = config.partitionSpan().toMillis();
        this.analyzer = analyzer;
        this.ramBufferMb = config.ramBufferMb();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
        loadExisting(problems);
    }

    private void loadExisting(List<Problem> problems) {
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Instant start = parse(dir.getFileName().toString());
                if (start == null) {
                    problems.add(new Problem(dir.toString(), "", "not a partition folder name; left alone"));
                } else {
                    Partition p = create(start);
                    if (p.sealed()) {
                        List<Problem> quick = Manifest.check(p.dir, false);
                        p.markDamaged(quick.isEmpty() ? null : quick.getFirst().toString());
                        problems.addAll(quick);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    Instant startOf(Instant time) {
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), spanMillis) * spanMillis);
    }

    String nameOf(Instant start) {
        LocalDateTime t = LocalDateTime.ofInstant(start, ZoneOffset.UTC);
        return (spanMillis % 86_400_000L == 0 ? DAY : HOUR).format(t);
    }

    private @Nullable Instant parse(String name) {
        try {
            Instant start = name.length() == 10
                    ? java.time.LocalDate.parse(name, DAY)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                    : LocalDateTime.parse(name, HOUR).toInstant(ZoneOffset.UTC);
            return startOf(start).equals(start) && nameOf(start).equals(name) ? start : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Returns the partition that holds {@code time}, creating it when absent. */
    Partition forTime(Instant time) {
        Instant start = startOf(time);
        Partition p = open.get(nameOf(start));
        return p != null ? p : create(start);
    }

    /** Returns the partition that would hold {@code time}, or null when there is none. */
    @Nullable
    Partition find(Instant time) {
        return open.get(nameOf(startOf(time)));
    }

    private synchronized Partition create(Instant start) {
        String name = nameOf(start);
        return open.computeIfAbsent(
                name,
                n -> new Partition(
                        n, start, start.plusMillis(spanMillis), root.resolve(n), analyzer, ramBufferMb, storeFields));
    }

    /** Returns the partitions that intersect {@code [from, to)}, oldest first. */
    List<Partition> intersecting(@Nullable Instant from, @Nullable Instant to) {
        List<Partition> result = new ArrayList<>();
        for (Partition p : open.values()) {
            if ((from == null || p.end.isAfter(from)) && (to == null || p.start.isBefore(to))) {
                result.add(p);
            }
        }
        return result;
    }

    List<Partition> all() {
        return List.copyOf(open.values());
    }

    void remove(Partition p) {
        open.remove(p.name, p);
    }

    @Override
    public void close() {
        open.values().forEach(Partition::close);
        open.clear();
    }
}
