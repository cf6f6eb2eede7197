package vn.lachan.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.testkit.Corpus;

/** Normalizes real OTRF and SigmaHQ regression events and checks each ECS field against its source. */
class EcsNormalizerTest {
    private final EcsNormalizer normalizer = EcsNormalizer.bundled();

    private static List<SourcedEvent> read(Path path) {
        List<Problem> problems = new ArrayList<>();
        List<SourcedEvent> events = new ArrayList<>();
        new EventFiles(problems::add).readAll(List.of(path), events::add);
        assertThat(problems).isEmpty();
        return events;
    }

    @Test
    void mapsFlatOtrfEventsAndKeepsTheOriginalFields() {
        List<SourcedEvent> events = read(Corpus.require("otrf/windows/execution/host/psh_python_webserver.zip"));
        assertThat(events).hasSizeGreaterThan(100);
        int commandLines = 0;
        for (SourcedEvent event : events) {
            Map<String, @Nullable Object> in = event.fields();
            EcsNormalizer.Normalized out = normalizer.normalize(in);
            assertThat(out.layout()).isEqualTo("flat");
            assertThat(out.fields()).containsAllEntriesOf(withoutTimestamp(in));
            assertThat(out.time()).isEqualTo(Instant.parse((String) Objects.requireNonNull(in.get("@timestamp"))));
            assertThat(out.fields().get("host.name")).isEqualTo(in.get("Hostname"));
            assertThat(out.fields().get("event.code")).isEqualTo(String.valueOf(in.get("EventID")));
            assertThat(out.fields().get("event.provider")).isEqualTo(in.get("SourceName"));
            if (in.get("CommandLine") instanceof String cmd) {
                assertThat(out.fields().get("process.command_line")).isEqualTo(cmd);
                commandLines++;
            }
            if (in.get("SourceName") instanceof String s
                    && s.equals("Microsoft-Windows-Sysmon")
                    && in.get("ProcessId") != null) {
                assertThat(out.fields().get("process.pid"))
                        .isEqualTo(Long.parseLong(String.valueOf(in.get("ProcessId"))));
            }
        }
        assertThat(commandLines).isPositive();
    }

    private static Map<String, @Nullable Object> withoutTimestamp(Map<String, @Nullable Object> in) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>(in);
        copy.remove("@timestamp");
        return copy;
    }

    @Test
    void mapsEvtxDumpRegressionEvents() {
        List<SourcedEvent> events = read(Corpus.require("sigma/regression_data/rules/windows/process_creation"));
        assertThat(events).hasSizeGreaterThan(10);
        for (SourcedEvent event : events) {
            EcsNormalizer.Normalized out = normalizer.normalize(event.fields());
            Map<?, ?> root = (Map<?, ?>) Objects.requireNonNull(event.fields().get("Event"));
            Map<?, ?> system = (Map<?, ?>) Objects.requireNonNull(root.get("System"));
            Map<?, ?> data = (Map<?, ?>) Objects.requireNonNull(root.get("EventData"));
            assertThat(out.layout()).as(event.source()).isEqualTo("evtx_dump");
            assertThat(out.time()).as(event.source()).isNotNull();
            assertThat(out.fields().get("host.name")).isEqualTo(system.get("Computer"));
            assertThat(out.fields().get("winlog.channel")).isEqualTo(system.get("Channel"));
            assertThat(out.fields().get("process.command_line")).isEqualTo(data.get("CommandLine"));
            assertThat(out.fields().get("process.executable")).isEqualTo(data.get("Image"));
            assertThat(out.fields()).containsKey("Event");
        }
    }

    @Test
    void mapsWinlogbeatAndLeavesExistingEcsFields() {
        Map<String, @Nullable Object> winlog = new LinkedHashMap<>();
        winlog.put("event_id", 3);
        winlog.put("channel", "Microsoft-Windows-Sysmon/Operational");
        winlog.put("computer_name", "dc1.lab");
        winlog.put("event_data", Map.of("DestinationIp", "10.1.2.3", "DestinationPort", "445", "SourceIp", "-"));
        Map<String, @Nullable Object> in = new LinkedHashMap<>();
        in.put("@timestamp", "2024-05-01T10:00:00.123Z");
        in.put("host", Map.of("name", "already-set"));
        in.put("winlog", winlog);
        EcsNormalizer.Normalized out = normalizer.normalize(in);
        assertThat(out.layout()).isEqualTo("winlogbeat");
        assertThat(out.fields())
                .containsEntry("event.code", "3")
                .containsEntry("destination.ip", "10.1.2.3")
                .containsEntry("destination.port", 445L)
                .doesNotContainKey("source.ip")
                .doesNotContainKey("host.name");
        assertThat(out.time()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
    }

    @Test
    void passesUnknownLayoutsThroughUnchanged() {
        Map<String, @Nullable Object> in = Map.of("foo", "bar", "@timestamp", "garbage");
        EcsNormalizer.Normalized out = normalizer.normalize(in);
        assertThat(out.layout()).isNull();
        assertThat(out.fields()).isEqualTo(in);
        assertThat(out.time()).isNull();
    }
}
