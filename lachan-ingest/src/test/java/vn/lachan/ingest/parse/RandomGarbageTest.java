package vn.lachan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded random bytes and mutated real lines: parse never throws and never hits its internal-error guard. */
class RandomGarbageTest {
    private static final RecordParser PARSER =
            new RecordParser(ParserConfig.defaults().withGrokPattern("words", "%{WORD:a} %{GREEDYDATA:rest}"));
    private static final List<String> FORMATS = List.of(
            "auto", "json", "syslog", "cef", "leef", "kv", "nginx", "apache", "auth", "auditd", "plain", "grok:words");
    private static final List<String> SEEDS = List.of(
            "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 [a@1 b=\"c\"] 'su root' failed",
            "<38>Mar  5 17:00:01 web01 sshd[2212]: Failed password for invalid user admin from 203.0.113.9 port 52314 ssh2",
            "<85>Mar  5 10:00:00 web01 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls",
            "CEF:0|security|threatmanager|1.0|100|detected a \\| in message|10|src=10.0.0.1 act=blocked a \\= dst=1.1.1.1",
            "LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.1.8^dst=10.0.0.5^sev=5^devTime=Mar 05 2024 10:00:00",
            "<189>date=2024-03-05 time=17:00:00 devid=\"FG1\" logid=\"13\" srcip=10.1.1.1 dstport=443 action=\"deny\"",
            "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /a.gif?x=1 HTTP/1.0\" 200 2326 \"-\" \"Mozilla\"",
            "[Tue Mar 05 17:00:00.123456 2024] [core:error] [pid 1234:tid 5678] [client 203.0.113.9:5555] AH00126: x",
            "2024/03/05 17:00:00 [error] 1234#1234: *5 open() failed, client: 1.2.3.4, request: \"GET / HTTP/1.1\"",
            "node=h type=USER_LOGIN msg=audit(1709632800.500:4571): pid=1 msg='op=login acct=\"root\" addr=1.2.3.4 res=failed'",
            "type=EXECVE msg=audit(1709632800.123:4569): argc=3 a0=\"bash\" a1=\"-c\" a2=6563686F",
            "{\"EventID\":4625,\"Channel\":\"Security\",\"Event\":{\"System\":{\"Computer\":\"x\"}},\"n\":[1,2.5,null]}");

    @AfterAll
    static void close() {
        PARSER.close();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void parseNeverThrows(long seed) {
        Random random = new Random(seed);
        int raw = 0;
        for (int n = 0; n < 2_000; n++) {
            byte[] payload = random.nextBoolean() ? randomBytes(random) : mutate(random);
            String format = FORMATS.get(random.nextInt(FORMATS.size()));
            ParsedRecord p = PARSER.parse(Records.of(format, payload));
            assertThat(p.fields())
                    .as("%s %s -> %s", format, new String(payload, StandardCharsets.UTF_8), p.parser())
                    .isNotEmpty();
            if (p.outcome() == ParsedRecord.Outcome.RAW) {
                raw++;
                assertThat(p.fields()).containsKeys("event.original", "error.message");
                assertThat(Records.problem(p)).doesNotContain("internal parser error");
            }
        }
        // Random bytes are mostly not understood: the raw path must have been exercised, not bypassed.
        assertThat(raw).isGreaterThan(100);
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(200)];
        random.nextBytes(b);
        if (b.length > 0 && random.nextBoolean()) {
            b[0] = (byte) "<{CL[t1".charAt(random.nextInt(7));
        }
        return b;
    }

    private static byte[] mutate(Random random) {
        byte[] b = SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(4)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b[at] = (byte) " =|\"'[]<>:\\\t".charAt(random.nextInt(12));
                case 2 -> b = java.util.Arrays.copyOf(b, at);
                default -> b[at] = (byte) ('0' + random.nextInt(10));
            }
        }
        return b;
    }
}
