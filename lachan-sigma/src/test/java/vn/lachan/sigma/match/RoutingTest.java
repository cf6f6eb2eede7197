package vn.lachan.sigma.match;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.sigma.match.Rules.event;
import static vn.lachan.sigma.match.Rules.field;
import static vn.lachan.sigma.match.Rules.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.LogSource;
import vn.lachan.sigma.rule.Search;

/** Checks log-source routing, field renames, layouts and what a match carries. */
class RoutingTest {
    private static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";
    private static final DetectionRule WHOAMI = Rules.rule(
            "whoami",
            LogSource.of("process_creation", "windows", null),
            new Search.AllOf(List.of(field("Image", text("*\\whoami.exe")), field("ParentImage", text("*\\cmd.exe")))));
    private static final DetectionRule ANY_WINDOWS =
            Rules.rule("any windows", LogSource.of(null, "windows", null), field("Computer", text("ws1*")));
    private static final DetectionRule SECURITY_LOGON = Rules.rule(
            "logon",
            LogSource.of(null, "windows", "security"),
            new Search.AllOf(List.of(field("EventID", text("4624")), field("LogonType", text("3")))));
    private static final DetectionRule UNMAPPED =
            Rules.rule("unmapped", LogSource.of("teleport", "acme", null), field("x", text("y")));

    private final Detector detector =
            Detector.compile(List.of(WHOAMI, ANY_WINDOWS, SECURITY_LOGON, UNMAPPED), LogSourceMap.bundled());

    @Test
    void sysmonProcessCreationUsesSigmaNames() {
        SourcedEvent sysmon = event(
                "Channel",
                SYSMON,
                "EventID",
                1L,
                "Hostname",
                "ws1.lab",
                "Image",
                "C:\\Windows\\System32\\whoami.exe",
                "ParentImage",
                "C:\\Windows\\System32\\cmd.exe");
        assertThat(Rules.titles(detector, sysmon)).containsExactly("whoami", "any windows");
        SourcedEvent otherId =
                event("Channel", SYSMON, "EventID", 3L, "Image", "C:\\x\\whoami.exe", "ParentImage", "c:\\cmd.exe");
        assertThat(Rules.titles(detector, otherId)).isEmpty();
    }

    @Test
    void security4688RenamesImageFields() {
        SourcedEvent security = event(
                "Channel",
                "Security",
                "EventID",
                "4688",
                "NewProcessName",
                "C:\\Windows\\System32\\whoami.exe",
                "ParentProcessName",
                "C:\\Windows\\System32\\cmd.exe");
        List<MatchedEvent> matched = new ArrayList<>();
        detector.detect(security, (rule, e) -> matched.add(e));
        assertThat(matched).hasSize(1);
        assertThat(matched.getFirst().field("Image")).isEqualTo("C:\\Windows\\System32\\whoami.exe");
        SourcedEvent notRenamed = event(
                "Channel",
                "Security",
                "EventID",
                4688L,
                "Image",
                "C:\\Windows\\System32\\whoami.exe",
                "ParentImage",
                "C:\\Windows\\System32\\cmd.exe");
        assertThat(Rules.titles(detector, notRenamed)).isEmpty();
    }

    @Test
    void serviceRulesSeeOnlyTheirChannelAndEventIdFoldsAway() {
        assertThat(Rules.titles(detector, event("Channel", "Security", "EventID", 4624L, "LogonType", 3L)))
                .containsExactly("logon");
        assertThat(Rules.titles(detector, event("Channel", "Security", "EventID", 4625L, "LogonType", 3L)))
                .isEmpty();
        assertThat(Rules.titles(detector, event("Channel", "System", "EventID", 4624L, "LogonType", 3L)))
                .isEmpty();
    }

    @Test
    void channelIsComparedIgnoringCaseAsTheOtrfCorpusSpellsItBothWays() {
        for (String channel : List.of("Security", "security", "SECURITY")) {
            assertThat(Rules.titles(detector, event("Channel", channel, "EventID", 4624L, "LogonType", 3L)))
                    .as(channel)
                    .containsExactly("logon");
            assertThat(Rules.titles(
                            detector,
                            event(
                                    "Channel",
                                    channel,
                                    "EventID",
                                    4688L,
                                    "NewProcessName",
                                    "C:\\x\\whoami.exe",
                                    "ParentProcessName",
                                    "C:\\x\\cmd.exe")))
                    .as(channel)
                    .containsExactly("whoami");
        }
    }

    @Test
    void flatLayoutKeywordSearchLeavesTheRenderedMessageOut() {
        DetectionRule keywords =
                Rules.rule("kiwi", LogSource.of(null, "windows", null), new Search.Keyword(text("*sekurlsa::*")));
        Detector withKeywords = Detector.compile(List.of(keywords), LogSourceMap.bundled());
        SourcedEvent inData = event(
                "Channel",
                "Security",
                "EventID",
                4688L,
                "CommandLine",
                "m.exe sekurlsa::logonpasswords",
                "Message",
                "x");
        SourcedEvent onlyInMessage =
                event("Channel", "Security", "EventID", 4688L, "CommandLine", "m.exe", "Message", "sekurlsa::x");
        assertThat(Rules.titles(withKeywords, inData)).containsExactly("kiwi");
        assertThat(Rules.titles(withKeywords, onlyInMessage)).isEmpty();
    }

    @Test
    void productOnlyRuleSeesEveryWindowsChannel() {
        assertThat(Rules.titles(
                        detector, event("Channel", "Some-Unknown/Operational", "EventID", 7L, "Hostname", "WS1")))
                .containsExactly("any windows");
    }

    @Test
    void eventNoEntryKnowsMatchesNothingAndUnmappedRuleIsReported() {
        assertThat(Rules.titles(detector, event("x", "y", "Hostname", "ws1"))).isEmpty();
        assertThat(detector.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no log source mapping for category teleport"));
        assertThat(Rules.titles(detector, event("x", "Y"), LogSource.of("teleport", "acme", "audit")))
                .containsExactly("unmapped");
    }

    @Test
    void evtxDumpLayoutFlattensEventDataAndReadsSystemFields() {
        Map<String, Object> system = Map.of(
                "EventID",
                1L,
                "Channel",
                SYSMON,
                "Computer",
                "WS1.lab",
                "TimeCreated",
                Map.of("#attributes", Map.of("SystemTime", "2025-11-27T07:40:10.165324Z")));
        Map<String, Object> data =
                Map.of("Image", "C:\\Windows\\System32\\whoami.exe", "ParentImage", "C:\\Windows\\System32\\cmd.exe");
        SourcedEvent evtx = new SourcedEvent("x.json", 0, Map.of("Event", Map.of("System", system, "EventData", data)));
        List<MatchedEvent> matched = new ArrayList<>();
        detector.detect(evtx, (rule, e) -> matched.add(e));
        assertThat(matched).hasSize(2);
        assertThat(matched.getFirst().timestamp()).isEqualTo(Instant.parse("2025-11-27T07:40:10.165324Z"));
        assertThat(matched.getFirst().field("Computer")).isEqualTo("WS1.lab");
        assertThat(matched.getFirst().field("Nope")).isNull();
    }

    @Test
    void winlogbeatLayoutReadsEcsNames() {
        SourcedEvent beat = event(
                "@timestamp",
                "2024-01-02T03:04:05Z",
                "winlog",
                Map.of(
                        "channel",
                        SYSMON,
                        "event_id",
                        "1",
                        "computer_name",
                        "ws1",
                        "event_data",
                        Map.of(
                                "Image", "c:\\windows\\system32\\WHOAMI.EXE",
                                "ParentImage", "c:\\windows\\system32\\cmd.exe")));
        List<MatchedEvent> matched = new ArrayList<>();
        detector.detect(beat, (rule, e) -> matched.add(e));
        assertThat(matched).extracting(MatchedEvent::timestamp).containsOnly(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(Rules.titles(detector, beat)).containsExactly("whoami", "any windows");
    }
}
