package vn.lachan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Web server logs, auditd, JSON events and grok patterns. */
class WebAuditJsonGrokTest {
    private static final String SQUID = "%{NUMBER:timestamp_epoch} +%{NUMBER:event.duration:int} %{IP:source.ip}"
            + " %{WORD:squid.cache_status}/%{NUMBER:http.response.status_code:int} %{NUMBER:http.response.bytes:int}"
            + " %{WORD:http.request.method} %{NOTSPACE:url.original}";
    private static final RecordParser PARSER =
            new RecordParser(ParserConfig.defaults().withGrokPattern("squid", SQUID));

    @AfterAll
    static void close() {
        PARSER.close();
    }

    @Test
    void apacheCombinedExampleFromTheApacheDocumentation() {
        ParsedRecord p = PARSER.parse(Records.of(
                "apache",
                "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326"
                        + " \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\""));
        assertThat(p.parser()).isEqualTo("apache");
        assertThat(p.time()).isEqualTo(Instant.parse("2000-10-10T20:55:36Z"));
        assertThat(p.fields())
                .containsEntry("c-ip", "127.0.0.1")
                .containsEntry("source.ip", "127.0.0.1")
                .containsEntry("user.name", "frank")
                .containsEntry("cs-method", "GET")
                .containsEntry("cs-uri-stem", "/apache_pb.gif")
                .containsEntry("sc-status", 200L)
                .containsEntry("http.response.body.bytes", 2326L)
                .containsEntry("http.version", "1.0")
                .containsEntry("cs-referer", "http://www.example.com/start.html")
                .containsEntry("cs-user-agent", "Mozilla/4.08 [en] (Win98; I ;Nav)")
                .containsEntry("event.category", "web")
                .containsEntry("event.dataset", "apache.access")
                .doesNotContainKey("cs-uri-query");
    }

    @Test
    void nginxAccessViaSyslogSplitsTheQuery() {
        ParsedRecord p = PARSER.parse(Records.of(
                "auto",
                "<190>Mar  5 10:00:00 web01 nginx: 203.0.113.9 - - [05/Mar/2024:17:00:00 +0700] \"GET"
                        + " /index.php?id=1%27%20UNION%20SELECT%20password%20FROM%20users-- HTTP/1.1\" 404 512 \"-\""
                        + " \"sqlmap/1.7.2#stable (https://sqlmap.org)\""));
        assertThat(p.parser()).isEqualTo("syslog+access");
        assertThat(p.time()).isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));
        assertThat(p.fields())
                .containsEntry("cs-uri-query", "id=1%27%20UNION%20SELECT%20password%20FROM%20users--")
                .containsEntry("url.path", "/index.php")
                .containsEntry("event.dataset", "nginx.access")
                .containsEntry("event.outcome", "failure")
                .containsEntry("cs-user-agent", "sqlmap/1.7.2#stable (https://sqlmap.org)")
                .doesNotContainKey("cs-referer")
                .doesNotContainKey("host.os.type");
    }

    @Test
    void errorLogsOfNginxAndApache() {
        ParsedRecord nginx = PARSER.parse(Records.of(
                "nginx",
                "2024/03/05 17:00:00 [error] 1234#1234: *5 open() \"/usr/share/nginx/html/.env\" failed (2: No such"
                        + " file or directory), client: 203.0.113.9, server: localhost, request: \"GET /.env HTTP/1.1\","
                        + " host: \"example.com\""));
        assertThat(nginx.time()).isEqualTo(Instant.parse("2024-03-05T17:00:00Z"));
        assertThat(nginx.fields())
                .containsEntry("log.level", "error")
                .containsEntry("process.pid", 1234L)
                .containsEntry("source.ip", "203.0.113.9")
                .containsEntry("cs-uri-stem", "/.env")
                .containsEntry("event.dataset", "nginx.error");
        ParsedRecord apache = PARSER.parse(Records.of(
                "auto",
                "[Tue Mar 05 17:00:00.123456 2024] [core:error] [pid 1234:tid 5678] [client 203.0.113.9:5555]"
                        + " AH00126: Invalid URI in request GET /../../etc/passwd HTTP/1.1"));
        assertThat(apache.parser()).isEqualTo("web-error");
        assertThat(apache.time()).isEqualTo(Instant.parse("2024-03-05T17:00:00.123456Z"));
        assertThat(apache.fields())
                .containsEntry("log.level", "error")
                .containsEntry("process.pid", 1234L)
                .containsEntry("source.ip", "203.0.113.9")
                .containsEntry("source.port", 5555L)
                .containsEntry("message", "AH00126: Invalid URI in request GET /../../etc/passwd HTTP/1.1");
    }

    @Test
    void auditdKeepsItsKeysAndDecodesHexArguments() {
        ParsedRecord syscall = PARSER.parse(Records.of(
                "auto",
                "type=SYSCALL msg=audit(1709632800.123:4567): arch=c000003e syscall=59 success=yes exit=0 a0=55d5c8a0"
                        + " items=2 ppid=1200 pid=1234 auid=1000 uid=0 tty=pts0 ses=3 comm=\"cat\" exe=\"/usr/bin/cat\""
                        + " key=\"shadow_read\""));
        assertThat(syscall.parser()).isEqualTo("auditd");
        assertThat(syscall.time()).isEqualTo(Instant.parse("2024-03-05T10:00:00.123Z"));
        assertThat(syscall.fields())
                .containsEntry("type", "SYSCALL")
                .containsEntry("syscall", "59")
                .containsEntry("a0", "55d5c8a0")
                .containsEntry("exe", "/usr/bin/cat")
                .containsEntry("key", "shadow_read")
                .containsEntry("auditd.log.sequence", 4567L)
                .containsEntry("process.pid", 1234L)
                .containsEntry("event.module", "auditd")
                .containsEntry("event.outcome", "success");
        ParsedRecord execve = PARSER.parse(Records.of(
                "auditd",
                "type=EXECVE msg=audit(1709632800.123:4569): argc=3 a0=\"bash\" a1=\"-c\" a2=6563686F2068656C6C6F"));
        assertThat(execve.fields()).containsEntry("a0", "bash").containsEntry("a2", "echo hello");
        ParsedRecord title = PARSER.parse(Records.of(
                "auditd", "type=PROCTITLE msg=audit(1709632800.123:4570): proctitle=636174002F6574632F736861646F77"));
        assertThat(title.fields()).containsEntry("proctitle", "cat /etc/shadow");
    }

    @Test
    void auditdUserLoginFlattensTheNestedMessage() {
        ParsedRecord p = PARSER.parse(Records.of(
                "auto",
                "node=web01 type=USER_LOGIN msg=audit(1709632800.500:4571): pid=2212 uid=0 auid=4294967295"
                        + " ses=4294967295 msg='op=login acct=\"root\" exe=\"/usr/sbin/sshd\" hostname=?"
                        + " addr=203.0.113.9 terminal=sshd res=failed'"));
        assertThat(p.fields())
                .containsEntry("node", "web01")
                .containsEntry("host.name", "web01")
                .containsEntry("op", "login")
                .containsEntry("acct", "root")
                .containsEntry("user.name", "root")
                .containsEntry("source.ip", "203.0.113.9")
                .containsEntry("event.outcome", "failure")
                .containsEntry("event.action", "user_login");
    }

    @Test
    void flatWindowsJsonGoesThroughTheEcsNormalizer() {
        ParsedRecord p = PARSER.parse(Records.of(
                "auto",
                "{\"EventID\":4625,\"Channel\":\"Security\",\"Hostname\":\"DC01\",\"TargetUserName\":\"admin\","
                        + "\"IpAddress\":\"203.0.113.9\",\"EventTime\":\"2024-03-05 10:00:00\"}"));
        assertThat(p.parser()).isEqualTo("json");
        assertThat(p.time()).isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));
        assertThat(p.fields())
                .containsEntry("EventID", 4625L)
                .containsEntry("host.name", "DC01")
                .containsEntry("user.name", "admin")
                .containsEntry("source.ip", "203.0.113.9");
    }

    @Test
    void grokPatternCapturesTypedFields() {
        ParsedRecord p = PARSER.parse(
                Records.of(
                        "grok:squid",
                        "1709632800.123    187 10.1.1.5 TCP_MISS/200 4521 GET http://example.com/index.html - HIER_DIRECT/93.184.216.34 text/html"));
        assertThat(p.parser()).isEqualTo("grok:squid");
        assertThat(p.fields())
                .containsEntry("source.ip", "10.1.1.5")
                .containsEntry("http.response.status_code", 200L)
                .containsEntry("event.duration", 187L)
                .containsEntry("url.original", "http://example.com/index.html");
        ParsedRecord miss = PARSER.parse(Records.of("grok:squid", "not a squid line"));
        assertThat(Records.problem(miss)).contains("does not match");
        ParsedRecord unknown = PARSER.parse(Records.of("grok:nope", "x"));
        assertThat(Records.problem(unknown)).contains("no grok pattern named 'nope'");
    }
}
