package vn.lachan.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;

class StorePassTest {
    @TempDir
    Path dir;

    @Test
    void storesEventsWithATimeAndCountsTheRest() throws IOException {
        Path file = dir.resolve("events.json");
        Files.writeString(file, """
                {"@timestamp":"2020-09-22T10:00:00Z","EventID":4688,"Hostname":"ws1"}
                {"@timestamp":"2020-09-22T11:00:00Z","EventID":4624,"Hostname":"ws2"}
                {"EventID":4688,"Hostname":"no-time"}
                {not json
                """, StandardCharsets.UTF_8);
        StorePass pass = new StorePass(List.of(file), Long.MAX_VALUE);

        PassResult read = pass.run(StorePhase.READ_ONLY, 1, null);
        PassResult written;
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir.resolve("data")))) {
            written = pass.run(StorePhase.WITH_STORE, 1, store);
            long hits = store.search(SearchRequest.newest(new Query.MatchAll(), null, null, 10))
                    .total()
                    .value();
            assertThat(hits).isEqualTo(2);
        }

        assertThat(read.events()).isEqualTo(3);
        assertThat(read.rejected()).isEqualTo(1);
        assertThat(read.problems()).isEqualTo(1);
        assertThat(read.writeNanos()).isZero();
        assertThat(written.rawBytes()).isEqualTo(read.rawBytes()).isGreaterThan(100);
        assertThat(written.writeNanos()).isPositive();
    }

    @Test
    void storesTheFieldsAsTheServerDoesUnlessAskedToRebuildThem() throws IOException {
        Path file = dir.resolve("events.json");
        Files.writeString(file, "{\"@timestamp\":\"2020-09-22T10:00:00Z\",\"EventID\":4688}\n", StandardCharsets.UTF_8);
        for (boolean rebuild : List.of(false, true)) {
            Path data = dir.resolve("data-" + rebuild);
            try (LuceneEventStore store = StorePass.open(data, rebuild)) {
                new StorePass(List.of(file), Long.MAX_VALUE).run(StorePhase.WITH_STORE, 1, store);
            }
            // a store opened without the rebuilding function reads an event only if its fields were stored
            try (LuceneEventStore plain = new LuceneEventStore(StoreConfig.defaults(data))) {
                SearchRequest all = SearchRequest.newest(new Query.MatchAll(), null, null, 10);
                if (rebuild) {
                    assertThatThrownBy(() -> plain.search(all)).hasMessageContaining("stored without its fields");
                } else {
                    assertThat(plain.search(all).hits())
                            .singleElement()
                            .satisfies(e -> assertThat(e.fields()).containsEntry("event.code", "4688"));
                }
            }
        }
        assertThat(StoreOptions.parse(List.of("--rebuild")).rebuild()).isTrue();
        assertThat(StoreOptions.parse(List.of()).rebuild()).isFalse();
    }

    @Test
    void stopsAtTheLimit() throws IOException {
        Path file = dir.resolve("events.json");
        Files.writeString(file, "{\"@timestamp\":\"2020-09-22T10:00:00Z\"}\n".repeat(5), StandardCharsets.UTF_8);

        PassResult read = new StorePass(List.of(file), 2).run(StorePhase.READ_ONLY, 1, null);

        assertThat(read.events()).isEqualTo(2);
    }

    @Test
    void commitsByCountWhenAskedAndTimesTheQueriesOnTheUnsealedStore() throws IOException {
        Path file = dir.resolve("events.json");
        Files.writeString(
                file, "{\"@timestamp\":\"2020-09-22T10:00:00Z\",\"EventID\":4688}\n".repeat(3), StandardCharsets.UTF_8);
        StoreOptions options = StoreOptions.parse(List.of("--store-only", "--commit-every", "1"));
        var bytes = new java.io.ByteArrayOutputStream();

        StoreOnly.run(List.of(file), 3, options, new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        // one commit per event, each flushing a segment of one document: three, too few to merge
        assertThat(out)
                .contains("commits: after every 1 events written")
                .contains("3 segments in 1 partitions")
                .contains("queries on the unsealed store")
                .containsPattern("total 3 +term event.code:4688, busiest day");
        assertThat(options.commitEvery()).isEqualTo(1);
        assertThat(StoreOptions.parse(List.of("--store-only")).commitEvery()).isZero();
        assertThatThrownBy(() -> StoreOptions.parse(List.of("--commit-every", "5")))
                .hasMessageContaining("goes with --store-only");
    }

    @Test
    void rejectsABadCommandLine() {
        assertThat(StoreOptions.parse(List.of("--limit", "1_000", "--rounds", "2"))
                        .limit())
                .isEqualTo(1000);
        assertThatThrownBy(() -> StoreOptions.parse(List.of("--rounds", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--rounds >= 1");
        assertThatThrownBy(() -> StoreOptions.parse(List.of("--limit"))).hasMessageContaining("needs a value");
    }
}
