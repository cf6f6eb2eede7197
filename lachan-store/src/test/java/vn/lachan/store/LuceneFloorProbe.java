package vn.lachan.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexableFieldType;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;
import vn.lachan.core.store.StoredEvent;

/**
 * Measures what Lucene itself costs for the documents the store builds, feature by feature, to find the
 * floor under the store's indexing rate: the OTRF events built by {@link DocumentBuilder} as {@code lachan
 * serve} builds them, then handed to one {@link IndexWriter} configured as a partition's (codec, 64 MiB
 * buffer, tiered merges, files on disk) whole or with parts of each document left out. Each variant's
 * figure is the process CPU per event from the first document to the writer closed (flushes and merges
 * included, on whatever thread they ran) minus the thread CPU of building the same documents alone in the
 * same round. A probe run by hand, not a test: see docs/performance.md, "The floor under the store".
 *
 * <p>Arguments: [events (default 100,000)] [rounds (default 4)].
 */
final class LuceneFloorProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** What is left in each document, each variant a subset of the one before. */
    private enum Variant {
        STORE("as the store writes it (original + binary fields stored)", f -> true),
        ORIGINAL_ONLY(
                "without the stored binary fields (original stored)",
                f -> !f.name().equals(EventDocuments.FIELDS_BINARY)),
        NOT_STORED("nothing stored", f -> !f.name().equals(EventDocuments.FIELDS_BINARY) && !onlyStored(f)),
        NO_DOC_VALUES("nothing stored, no sorted-set doc values", f -> NOT_STORED.keep.test(f) && !onlySortedSet(f)),
        NO_MESSAGE(
                "nothing stored, no sorted-set doc values, no analysed message",
                f -> NO_DOC_VALUES.keep.test(f) && !analysed(f)),
        KEYWORDS_ONLY(
                "inverted keywords and the time only (no message words, no other numbers)",
                f -> NO_MESSAGE.keep.test(f)
                        && (f.fieldType().pointDimensionCount() == 0 || f.name().equals(EventDocuments.TIME)));

        final String what;
        final Predicate<IndexableField> keep;

        Variant(String what, Predicate<IndexableField> keep) {
            this.what = what;
            this.keep = keep;
        }
    }

    private LuceneFloorProbe() {}

    public static void main(String[] args) throws IOException {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        List<StoredEvent> events = DocumentBuildProbe.load(limit);
        System.out.printf(Locale.ROOT, "%d events; load %s%n", events.size(), load());
        Variant[] variants = Variant.values();
        for (int round = 1; round <= rounds; round++) {
            double build = buildAlone(events);
            System.out.printf(Locale.ROOT, "round %d: build alone %.2f us per event%n", round, build);
            for (int i = 0; i < variants.length; i++) {
                // Rotated, so that no variant always runs first in a round (colder) or last.
                Variant v = variants[(i + round) % variants.length];
                Result r = index(events, v);
                System.out.printf(
                        Locale.ROOT,
                        "  %-14s %6.2f us per event in Lucene (%6.2f with the build), %4.1f fields per event,"
                                + " %5.1f MiB on disk; load %s%n",
                        v,
                        r.cpuMicros - build,
                        r.cpuMicros,
                        r.fields,
                        r.bytes / 1048576.0,
                        load());
            }
        }
        for (Variant v : variants) {
            System.out.printf(Locale.ROOT, "%-14s %s%n", v, v.what);
        }
    }

    private record Result(double cpuMicros, double fields, long bytes) {}

    private static double buildAlone(List<StoredEvent> events) {
        DocumentBuilder builder = new DocumentBuilder();
        Schema schema = new Schema();
        long fields = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (StoredEvent e : events) {
            fields += builder.build(e, schema, true, false).size();
        }
        long used = THREADS.getCurrentThreadCpuTime() - start;
        if (fields == 0) {
            throw new IllegalStateException("no fields built");
        }
        return used / 1e3 / events.size();
    }

    private static Result index(List<StoredEvent> events, Variant variant) throws IOException {
        Path dir = Files.createTempDirectory("lachan-floor-");
        try {
            DocumentBuilder builder = new DocumentBuilder();
            Schema schema = new Schema();
            List<IndexableField> kept = new ArrayList<>(96);
            long fields = 0;
            long start = PROCESS.getProcessCpuTime();
            try (FSDirectory directory = FSDirectory.open(dir);
                    IndexWriter writer = new IndexWriter(directory, config())) {
                for (StoredEvent e : events) {
                    kept.clear();
                    for (IndexableField f : builder.build(e, schema, true, false)) {
                        if (variant.keep.test(f)) {
                            kept.add(f);
                        }
                    }
                    fields += kept.size();
                    writer.addDocument(kept);
                }
                writer.commit();
            }
            long used = PROCESS.getProcessCpuTime() - start;
            return new Result(used / 1e3 / events.size(), (double) fields / events.size(), size(dir));
        } finally {
            delete(dir);
        }
    }

    /** Returns a partition's writer configuration (see {@code Partition.writer}). */
    private static IndexWriterConfig config() {
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setNoCFSRatio(0.0);
        return new IndexWriterConfig(new WordAnalyzer())
                .setCodec(new StoreCodec())
                .setRAMBufferSizeMB(64)
                .setUseCompoundFile(false)
                .setMergePolicy(merges);
    }

    private static boolean onlyStored(IndexableField f) {
        IndexableFieldType t = f.fieldType();
        return t.stored()
                && t.indexOptions() == IndexOptions.NONE
                && t.docValuesType() == DocValuesType.NONE
                && t.pointDimensionCount() == 0;
    }

    private static boolean analysed(IndexableField f) {
        return f.fieldType().tokenized() && f.fieldType().indexOptions() != IndexOptions.NONE;
    }

    private static boolean onlySortedSet(IndexableField f) {
        IndexableFieldType t = f.fieldType();
        return t.docValuesType() == DocValuesType.SORTED_SET
                && t.indexOptions() == IndexOptions.NONE
                && !t.stored()
                && t.pointDimensionCount() == 0;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
