package vn.lachan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SyslogParseTest {
    private static final RecordParser PARSER = new RecordParser(ParserConfig.defaults());

    @AfterAll
    static void close() {
        PARSER.close();
    }

    @Test
    void rfc5424ExampleOneFromTheRfcHasNoStructuredData() {
        // RFC 5424 section 6.5, example 1 (the BOM is written as U+FEFF)
        ParsedRecord p = PARSER.parse(
                Records.of(
                        "auto",
                        "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8"));
        assertThat(p.parser()).isEqualTo("syslog+auth");
        assertThat(p.problem()).isNull();
        assertThat(p.time()).isEqualTo(Instant.parse("2003-10-11T22:14:15.003Z"));
        assertThat(p.fields())
                .containsEntry("log.syslog.facility.code", 4L)
                .containsEntry("log.syslog.facility.name", "auth")
                .containsEntry("log.syslog.severity.code", 2L)
                .containsEntry("log.syslog.severity.name", "critical")
                .containsEntry("log.syslog.version", 1L)
                .containsEntry("host.name", "mymachine.example.com")
                .containsEntry("process.name", "su")
                .containsEntry("log.syslog.msgid", "ID47")
                .containsEntry("message", "'su root' failed for lonvick on /dev/pts/8")
                .containsEntry("event.dataset", "system.auth")
                .containsEntry("host.os.type", "linux")
                .containsEntry("@timestamp", "2003-10-11T22:14:15.003Z")
                .doesNotContainKey("process.pid");
    }

    @Test
    void rfc5424ExampleTwoReadsTheOffsetAndProcid() {
        ParsedRecord p = PARSER.parse(Records.of(
                "syslog",
                "<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts."));
        assertThat(p.time()).isEqualTo(Instant.parse("2003-08-24T12:14:15.000003Z"));
        assertThat(p.fields())
                .containsEntry("host.ip", "192.0.2.1")
                .containsEntry("process.name", "myproc")
                .containsEntry("process.pid", 8710L)
                .containsEntry("log.syslog.facility.name", "local4")
                .containsEntry("log.syslog.severity.name", "notice")
                .containsEntry("message", "%% It's time to make the do-nuts.")
                .doesNotContainKey("host.os.type");
    }

    @Test
    void rfc5424ExamplesThreeAndFourKeepTheStructuredData() {
        ParsedRecord three = PARSER.parse(Records.of(
                "syslog",
                "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\""
                        + " eventSource=\"Application\" eventID=\"1011\"] \uFEFFAn application event log entry..."));
        assertThat(three.fields().get("log.syslog.structured_data"))
                .isEqualTo(Map.of(
                        "exampleSDID@32473", Map.of("iut", "3", "eventSource", "Application", "eventID", "1011")));
        assertThat(three.fields()).containsEntry("message", "An application event log entry...");

        ParsedRecord four = PARSER.parse(Records.of(
                "syslog",
                "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\""
                        + " eventSource=\"Application\" eventID=\"1011\"][examplePriority@32473 class=\"high\"]"));
        assertThat(four.problem()).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> sd = (Map<String, Object>) four.fields().get("log.syslog.structured_data");
        assertThat(sd)
                .containsEntry("examplePriority@32473", Map.of("class", "high"))
                .hasSize(2);
        assertThat(four.fields()).doesNotContainKey("message");
    }

    @Test
    void structuredDataUnescapesQuotesBackslashesAndBrackets() {
        ParsedRecord p = PARSER.parse(Records.of(
                "syslog", "<14>1 2024-03-05T10:00:00Z h app - - [x@1 a=\"say \\\"hi\\\" \\] \\\\ end\"] msg"));
        assertThat(p.fields().get("log.syslog.structured_data"))
                .isEqualTo(Map.of("x@1", Map.of("a", "say \"hi\" ] \\ end")));
        assertThat(p.fields()).containsEntry("message", "msg");
    }

    @Test
    void brokenStructuredDataKeepsTheRecordAndSaysWhatWasRepaired() {
        ParsedRecord p = PARSER.parse(Records.of("syslog", "<14>1 2024-03-05T10:00:00Z h app - - [x@1 a=\"open"));
        assertThat(p.parser()).isEqualTo("syslog");
        assertThat(p.outcome()).isEqualTo(ParsedRecord.Outcome.REPAIRED);
        assertThat(Records.problem(p)).contains("x@1", "not closed");
        assertThat(p.fields()).containsEntry("message", "[x@1 a=\"open").containsKey("error.message");
    }

    @Test
    void rfc3164AuthLineGivesSshdLogin() {
        ParsedRecord p = PARSER.parse(
                Records.of(
                        "auto",
                        "<38>Mar  5 17:00:01 web01 sshd[2212]: Failed password for invalid user admin from 203.0.113.9 port 52314 ssh2"));
        assertThat(p.parser()).isEqualTo("syslog+auth");
        assertThat(p.time()).isEqualTo(Instant.parse("2024-03-05T17:00:01Z"));
        assertThat(p.fields())
                .containsEntry("host.name", "web01")
                .containsEntry("process.name", "sshd")
                .containsEntry("process.pid", 2212L)
                .containsEntry("user.name", "admin")
                .containsEntry("source.ip", "203.0.113.9")
                .containsEntry("source.port", 52314L)
                .containsEntry("event.outcome", "failure")
                .containsEntry("event.category", "authentication")
                .containsEntry("event.dataset", "system.auth")
                .containsEntry("host.os.type", "linux");
    }

    @Test
    void decemberLineReceivedInJanuaryKeepsTheOldYear() {
        ParsedRecord p = PARSER.parse(
                Records.at(Instant.parse("2025-01-01T00:00:03Z"), "syslog", "<13>Dec 31 23:59:58 h app: last second"));
        assertThat(p.time()).isEqualTo(Instant.parse("2024-12-31T23:59:58Z"));
        ParsedRecord q = PARSER.parse(
                Records.at(Instant.parse("2024-12-31T23:59:59Z"), "syslog", "<13>Jan  1 00:00:01 h app: clock ahead"));
        assertThat(q.time()).isEqualTo(Instant.parse("2025-01-01T00:00:01Z"));
    }

    @Test
    void configuredZoneAppliesToTimestampsWithoutOne() {
        try (RecordParser hanoi = new RecordParser(ParserConfig.defaults().withLocalZone(ZoneOffset.ofHours(7)))) {
            ParsedRecord p = hanoi.parse(Records.of("syslog", "<13>Mar  5 17:00:01 h app: x"));
            assertThat(p.time()).isEqualTo(Instant.parse("2024-03-05T10:00:01Z"));
        }
    }

    @Test
    void fileLineWithoutPriAndRsyslogIsoTimestampIsSyslog() {
        ParsedRecord p = PARSER.parse(Records.of(
                "auto", "2024-03-05T17:00:01.123456+07:00 db01 CRON[991]: (root) CMD (run-parts /etc/cron.hourly)"));
        assertThat(p.parser()).isEqualTo("syslog");
        assertThat(p.time()).isEqualTo(Instant.parse("2024-03-05T10:00:01.123456Z"));
        assertThat(p.fields())
                .containsEntry("process.name", "CRON")
                .containsEntry("event.dataset", "system.syslog")
                .containsEntry("message", "(root) CMD (run-parts /etc/cron.hourly)")
                .doesNotContainKey("log.syslog.priority");
    }

    @Test
    void ciscoAsaLineWithYearAndEmptyTagIsNotLinux() {
        ParsedRecord p = PARSER.parse(
                Records.of(
                        "auto",
                        "<166>Mar 05 2024 10:00:00 asa01 : %ASA-6-302013: Built inbound TCP connection 1 for outside:203.0.113.9/5123"));
        assertThat(p.time()).isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));
        assertThat(p.fields())
                .containsEntry("host.name", "asa01")
                .containsEntry("message", "%ASA-6-302013: Built inbound TCP connection 1 for outside:203.0.113.9/5123")
                .doesNotContainKey("host.os.type")
                .doesNotContainKey("process.name");
    }

    @Test
    void sudoCommandLine() {
        ParsedRecord p = PARSER.parse(
                Records.of(
                        "auto",
                        "<85>Mar  5 10:00:00 web01 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/cat /etc/shadow"));
        assertThat(p.fields())
                .containsEntry("user.name", "alice")
                .containsEntry("user.effective.name", "root")
                .containsEntry("process.command_line", "/usr/bin/cat /etc/shadow")
                .containsEntry("event.outcome", "success")
                .containsEntry("event.dataset", "system.auth");
        ParsedRecord denied = PARSER.parse(
                Records.of(
                        "auth",
                        "Mar  5 10:00:00 web01 sudo:      bob : user NOT in sudoers ; TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/bin/bash"));
        assertThat(denied.parser()).isEqualTo("syslog+auth");
        assertThat(denied.fields())
                .containsEntry("event.outcome", "failure")
                .containsEntry("system.auth.sudo.error", "user NOT in sudoers");
    }

    @Test
    void acceptedPublicKeyAndInvalidUser() {
        ParsedRecord ok = PARSER.parse(
                Records.of(
                        "auth",
                        "Mar  5 10:00:00 bastion sshd[4121]: Accepted publickey for deploy from 198.51.100.7 port 40022 ssh2: ED25519 SHA256:abc"));
        assertThat(ok.fields())
                .containsEntry("user.name", "deploy")
                .containsEntry("source.ip", "198.51.100.7")
                .containsEntry("system.auth.ssh.method", "publickey")
                .containsEntry("event.outcome", "success");
        ParsedRecord invalid = PARSER.parse(Records.of(
                "auth", "Mar  5 10:00:00 bastion sshd[4122]: Invalid user oracle from 198.51.100.8 port 33312"));
        assertThat(invalid.fields())
                .containsEntry("user.name", "oracle")
                .containsEntry("source.ip", "198.51.100.8")
                .containsEntry("event.action", "ssh_invalid_user");
    }
}
