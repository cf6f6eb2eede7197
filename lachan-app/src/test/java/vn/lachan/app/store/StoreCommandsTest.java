package vn.lachan.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.app.Cli;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.query.QueryParser;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;
import vn.lachan.testkit.Corpus;

/** Imports real OTRF events, searches them with answers counted from the same files, and verifies seals. */
class StoreCommandsTest {
    // found in @BeforeAll, not a static initializer: where the corpus is absent the class is then
    // skipped with the test kit's message instead of failing to initialise
    private static final List<Path> ZIPS = new ArrayList<>();

    @TempDir
    static Path data;

    private static final List<SourcedEvent> EVENTS = new ArrayList<>();

    @BeforeAll
    static void importZips() {
        ZIPS.add(Corpus.require("otrf/windows/execution/host/psh_python_webserver.zip"));
        ZIPS.add(Corpus.require("otrf/windows/collection/host/msf_record_mic.zip"));
        new EventFiles(p -> {}).readAll(ZIPS, EVENTS::add);
        List<String> args = new ArrayList<>(List.of("import", "--data", data.toString()));
        ZIPS.forEach(z -> args.add(z.toString()));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains(String.format(Locale.ROOT, "%,d events stored", timed()));
    }

    private static long timed() {
        return EVENTS.stream().filter(e -> parses(e.fields().get("@timestamp"))).count();
    }

    private static boolean parses(@org.jspecify.annotations.Nullable Object value) {
        try {
            return value instanceof String s && Instant.parse(s) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static long total(String... query) {
        List<String> args =
                new ArrayList<>(List.of("search", "--data", data.toString(), "--size", "0", "--format", "table"));
        args.addAll(List.of(query));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        Matcher m = Pattern.compile("total: ([0-9,]+) events").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void searchTotalsMatchCountsFromTheFiles() {
        assertThat(total()).isEqualTo(timed()).isPositive();
        long sysmonOne = EVENTS.stream()
                .filter(e -> "1".equals(String.valueOf(e.fields().get("EventID"))))
                .count();
        assertThat(total("event.code:1")).isEqualTo(sysmonOne);
        long powershell = EVENTS.stream()
                .filter(e -> e.fields().get("CommandLine") instanceof String c
                        && c.toLowerCase(Locale.ROOT).contains("python"))
                .count();
        assertThat(total("process.command_line:*python*")).isEqualTo(powershell);
    }

    @Test
    void topPrintsTheMostFrequentEventCodes() {
        Map<String, Long> codes = new HashMap<>();
        EVENTS.forEach(e -> codes.merge(String.valueOf(e.fields().get("EventID")), 1L, Long::sum));
        Map.Entry<String, Long> most =
                codes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        Cli.Run run =
                Cli.run("search", "--data", data.toString(), "--size", "0", "--format", "table", "--top", "event.code");
        assertThat(run.code()).as(run.err()).isZero();
        String first = run.out()
                .lines()
                .dropWhile(l -> !l.startsWith("top event.code"))
                .skip(1)
                .findFirst()
                .orElseThrow();
        assertThat(first.strip()).isEqualTo(String.format(Locale.ROOT, "%,d", most.getValue()) + "  " + most.getKey());
    }

    @Test
    void jsonlPrintsTheStoredEventsNewestFirst() {
        Cli.Run run = Cli.run("search", "--data", data.toString(), "--size", "5", "--format", "jsonl", "event.code:1");
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(5).allSatisfy(l -> assertThat(l).contains("\"event.code\":\"1\""));
        assertThat(run.err()).contains("total: ");
    }

    @Test
    void aQueryThatDoesNotParseExitsTwoWithACaret() {
        Cli.Run run = Cli.run("search", "--data", data.toString(), "event.code:(1 OR");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("does not parse").contains("^");
    }

    @Test
    void badPathsAndFoldersThatAreNoStoreExitTwo(@TempDir Path empty) {
        assertThat(Cli.run("store", "verify", "--data", empty.toString()).code())
                .isEqualTo(2);
        assertThat(Cli.run("search", "--data", empty.toString(), "x").code()).isEqualTo(2);
        Cli.Run missing = Cli.run(
                "import",
                "--data",
                empty.resolve("d").toString(),
                empty.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope");
    }

    @Test
    void verifyIsZeroWhenIntactAndOneNamingTheModifiedFile(@TempDir Path dir) throws IOException {
        assertThat(Cli.run("import", "--data", dir.toString(), ZIPS.get(1).toString())
                        .code())
                .isZero();
        Cli.Run seal = Cli.run("store", "seal", "--data", dir.toString());
        assertThat(seal.code()).isZero();
        assertThat(seal.out()).doesNotContain("sealed 0 partitions");
        Cli.Run intact = Cli.run("store", "verify", "--data", dir.toString());
        assertThat(intact.code()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).contains("intact");
        Path victim = largestIndexFile(dir.resolve("events"));
        Files.write(victim, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        Cli.Run damaged = Cli.run("store", "verify", "--data", dir.toString());
        assertThat(damaged.code()).isEqualTo(1);
        assertThat(damaged.out())
                .contains("damaged")
                .contains(victim.getFileName().toString());
    }

    @Test
    void eachStoredRawIsItsLineInTheArchiveByteForByte() throws IOException {
        Set<String> lines = new HashSet<>();
        for (Path zip : ZIPS) {
            lines.addAll(archiveLines(zip));
        }
        List<StoredEvent> hits;
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(data))) {
            hits = store.search(new SearchRequest(
                            QueryParser.parse("*").result().orElseThrow(),
                            null,
                            null,
                            SearchRequest.Order.OLDEST_FIRST,
                            2_000,
                            null,
                            List.of()))
                    .hits();
        }
        List<String> strangers = hits.stream()
                .map(StoredEvent::raw)
                .filter(raw -> !lines.contains(raw))
                .toList();
        assertThat(hits).hasSize(2_000);
        // the first stranger is shown cut: the message must not print the archives' lines
        assertThat(strangers.size())
                .as(
                        "stored raws that are no line of the archives, first: %.300s",
                        strangers.stream().findFirst().orElse(""))
                .isZero();
    }

    /** Returns the non-blank lines of every JSON member, split by hand on LF with a CR before it dropped. */
    private static List<String> archiveLines(Path zip) throws IOException {
        List<String> lines = new ArrayList<>();
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (ZipEntry member : Collections.list(archive.entries())) {
                if (!member.getName().endsWith(".json") || member.getName().contains("__MACOSX")) {
                    continue;
                }
                try (InputStream in = archive.getInputStream(member)) {
                    splitLines(in.readAllBytes(), lines);
                }
            }
        }
        return lines;
    }

    private static void splitLines(byte[] content, List<String> lines) {
        for (int start = 0; start < content.length; ) {
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            int stop = end > start && content[end - 1] == '\r' ? end - 1 : end;
            if (stop > start) {
                lines.add(new String(content, start, stop - start, StandardCharsets.UTF_8));
            }
            start = end + 1;
        }
    }

    private static Path largestIndexFile(Path events) throws IOException {
        try (Stream<Path> files = Files.walk(events)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> String.valueOf(p.getParent()).endsWith("index"))
                    .filter(p -> !p.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(p -> p.toFile().length()))
                    .orElseThrow();
        }
    }
}
