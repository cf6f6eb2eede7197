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

/**
 * Maps instants to time slots, and slots to their partitions: the slot's own, named by its start ({@code
 * 2026-03-01}, or {@code 2026-03-01T06}), then its late partitions in the order they were opened ({@code
 * 2026-03-01.late-1}, {@code .late-2}, ...), each opened when the one before is sealed.
 */
final class Partitions implements AutoCloseable {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH", Locale.ROOT);

    private final Path root;
    private final long spanMillis;
    private final Analyzer analyzer;
    private final double ramBufferMb;
    private final boolean storeFields;
    /** Separates a late partition's generation from its slot's name. */
    static final String LATE = ".late-";

    /** The partitions by name, ordered by slot, then generation. */
    private final ConcurrentSkipListMap<String, Partition> open = new ConcurrentSkipListMap<>(Partitions::order);

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
                String name = dir.getFileName().toString();
                Instant start = parse(baseOf(name));
                int generation = generationOf(name);
                if (start == null
                        || generation < 0
                        || !nameOf(start, generation).equals(name)) {
                    problems.add(new Problem(dir.toString(), "", "not a partition folder name; left alone"));
                } else {
                    Partition p = create(start, generation);
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
        return Instant.ofEpochMilli(startOf(time.toEpochMilli()));
    }

    /** Returns the start of the time slot that holds {@code millis}, in epoch milliseconds. */
    long startOf(long millis) {
        return Math.floorDiv(millis, spanMillis) * spanMillis;
    }

    String nameOf(Instant start) {
        LocalDateTime t = LocalDateTime.ofInstant(start, ZoneOffset.UTC);
        return (spanMillis % 86_400_000L == 0 ? DAY : HOUR).format(t);
    }

    /** Returns the folder name of the slot's partition of this generation: {@code 2026-03-01.late-2}. */
    String nameOf(Instant start, int generation) {
        return generation == 0 ? nameOf(start) : nameOf(start) + LATE + generation;
    }

    private static String baseOf(String name) {
        int late = name.indexOf(LATE);
        return late < 0 ? name : name.substring(0, late);
    }

    /** Returns the generation a folder name gives (0 without a late suffix), or -1 when it gives none. */
    private static int generationOf(String name) {
        int late = name.indexOf(LATE);
        if (late < 0) {
            return 0;
        }
        try {
            int generation = Integer.parseInt(name.substring(late + LATE.length()));
            return generation >= 1 ? generation : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Orders partition names by their slot's start, then by generation. */
    private static int order(String a, String b) {
        int bySlot = baseOf(a).compareTo(baseOf(b));
        return bySlot != 0 ? bySlot : Integer.compare(generationOf(a), generationOf(b));
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

    /** Returns the partitions of the slot that starts at {@code start}, oldest generation first. */
    List<Partition> slot(Instant start) {
        String base = nameOf(start);
        return List.copyOf(
                open.subMap(base, true, base + LATE + Integer.MAX_VALUE, true).values());
    }

    /** Returns the partitions that could hold {@code time} (its slot's), oldest generation first. */
    List<Partition> holding(Instant time) {
        return slot(startOf(time));
    }

    /**
     * Returns the partition that takes new events of the slot that starts at {@code start}: its newest
     * generation while that is open, else a new late partition after it (a slot sealed or damaged keeps
     * what it holds, and its late events go beside it).
     */
    synchronized Partition writable(Instant start) {
        List<Partition> slot = slot(start);
        if (slot.isEmpty()) {
            return create(start, 0);
        }
        Partition newest = slot.getLast();
        return newest.sealed() || newest.damage() != null ? create(start, newest.generation + 1) : newest;
    }

    private synchronized Partition create(Instant start, int generation) {
        String name = nameOf(start, generation);
        return open.computeIfAbsent(
                name,
                n -> new Partition(
                        n,
                        generation,
                        start,
                        start.plusMillis(spanMillis),
                        root.resolve(n),
                        analyzer,
                        ramBufferMb,
                        storeFields));
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
