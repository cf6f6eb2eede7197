package vn.lachan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.sigma.EngineOptions;
import vn.lachan.sigma.SigmaEngine;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.testkit.Corpus;

/**
 * Real SigmaHQ Linux, auditd and webserver rules, routed by the bundled log-source map, fire on lines
 * these parsers read, and stay quiet on benign lines: the parsers write the fields the map routes on.
 */
class SigmaRulesOnParsedLinesTest {
    private static final RecordParser PARSER = new RecordParser(ParserConfig.defaults());
    private static SigmaEngine engine;

    @BeforeAll
    static void load() {
        Path rules = Corpus.require("sigma/rules");
        engine = SigmaEngine.load(
                List.of(
                        rules.resolve("linux/builtin/sshd/lnx_sshd_susp_ssh.yml"),
                        rules.resolve("linux/builtin/vsftpd/lnx_vsftpd_susp_error_messages.yml"),
                        rules.resolve("linux/auditd/lnx_auditd_disable_aslr_protection.yml"),
                        rules.resolve("web/webserver_generic/web_path_traversal_exploitation_attempt.yml"),
                        rules.resolve("web/webserver_generic/web_iis_tilt_shortname_scan.yml"),
                        rules.resolve("web/webserver_generic/web_webshell_regeorg.yml")),
                LogSourceMap.bundled(),
                EngineOptions.defaults());
        assertThat(engine.problems()).isEmpty();
        assertThat(engine.rulesLoaded()).isEqualTo(6);
    }

    @AfterAll
    static void close() {
        PARSER.close();
    }

    private static List<String> fired(String format, String line) {
        ParsedRecord parsed = PARSER.parse(Records.of(format, line));
        assertThat(parsed.outcome()).as(line).isEqualTo(ParsedRecord.Outcome.PARSED);
        List<String> titles = new ArrayList<>();
        engine.process(
                new SourcedEvent("syslog-udp", 0, parsed.fields()),
                alert -> titles.add(alert.rule().title()));
        return titles;
    }

    @Test
    void sshdFatalErrorFiresTheSshdRule() {
        assertThat(fired("auto", "<38>Mar  5 10:00:00 bastion sshd[1234]: fatal: buffer_get_string: bad string"))
                .containsExactly("Suspicious OpenSSH Daemon Error");
    }

    // Keywords search the message's text (as the query backends read them), not whole values: the
    // daemon writes more around the rule's keyword.
    @Test
    void aKeywordInsideALongerMessageFiresTheRule() {
        assertThat(fired(
                        "auto",
                        "<38>Mar  5 10:00:01 bastion sshd[1240]: Corrupted MAC on input. [preauth] from 203.0.113.7"))
                .containsExactly("Suspicious OpenSSH Daemon Error");
    }

    @Test
    void vsftpdErrorFiresTheVsftpdRule() {
        assertThat(fired("auto", "<30>Mar  5 10:00:00 ftp01 vsftpd[811]: Input line too long."))
                .containsExactly("Suspicious VSFTPD Error Messages");
    }

    @Test
    void aslrDisabledBySysctlFiresTheAuditdRule() {
        assertThat(fired(
                        "auto",
                        "type=EXECVE msg=audit(1709632800.123:4568): argc=3 a0=\"sysctl\" a1=\"-w\""
                                + " a2=\"kernel.randomize_va_space=0\""))
                .containsExactly("ASLR Disabled Via Sysctl or Direct Syscall - Linux");
    }

    @Test
    void attacksInAccessLogsFireTheWebserverRules() {
        assertThat(fired(
                        "nginx",
                        "203.0.113.9 - - [05/Mar/2024:17:00:00 +0700] \"GET /download.php?file=../../../etc/passwd"
                                + " HTTP/1.1\" 200 1024 \"-\" \"curl/8.5.0\""))
                .containsExactly("Path Traversal Exploitation Attempts");
        // "-" for referer and user agent leaves the fields out: the rule asks for them to be null.
        assertThat(fired(
                        "auto",
                        "198.51.100.20 - - [05/Mar/2024:17:00:00 +0700] \"POST /tunnel.jsp?cmd=connect&target=10.0.0.5"
                                + "&port=3389 HTTP/1.1\" 200 0 \"-\" \"-\""))
                .containsExactly("Webshell ReGeorg Detection Via Web Logs");
    }

    @Test
    void statusIsTheNumberTheRulesCompare() {
        String scan = "203.0.113.9 - - [05/Mar/2024:17:00:00 +0700] \"GET /scan/x.aspx?q=/*~1*/a.aspx HTTP/1.1\" ";
        assertThat(fired("apache", scan + "200 512")).containsExactly("Successful IIS Shortname Fuzzing Scan");
        assertThat(fired("apache", scan + "404 512")).isEmpty();
    }

    @Test
    void benignLinesFireNothing() {
        assertThat(fired(
                        "auto",
                        "<38>Mar  5 10:00:00 bastion sshd[1234]: Accepted publickey for deploy from"
                                + " 198.51.100.7 port 40022 ssh2"))
                .isEmpty();
        assertThat(fired("auto", "203.0.113.9 - - [05/Mar/2024:17:00:00 +0700] \"GET /index.html HTTP/1.1\" 200 10"))
                .isEmpty();
        assertThat(fired("auto", "type=EXECVE msg=audit(1709632800.123:4568): argc=2 a0=\"ls\" a1=\"-la\""))
                .isEmpty();
    }
}
