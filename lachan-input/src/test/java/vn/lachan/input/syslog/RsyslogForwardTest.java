package vn.lachan.input.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.intake.RawRecord;

/**
 * Runs a real rsyslog as a relay: util-linux {@code logger} sends to rsyslog's UDP input, rsyslog forwards
 * to our TCP listener (octet-counted) and to our UDP listener, and every line must arrive on both.
 */
class RsyslogForwardTest {
    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int LINES = 200;

    @TempDir
    Path dir;

    @Test
    void relaysEveryLineOverTcpAndUdp() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(RSYSLOGD), "rsyslog is not installed at " + RSYSLOGD);
        RecordingIntake intake = new RecordingIntake();
        InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (SyslogServer server =
                SyslogServer.start(SyslogConfig.defaults().withTcp(local).withUdp(local), intake)) {
            int relayPort = freeUdpPort();
            Process rsyslog = startRsyslog(server, relayPort);
            try {
                await().atMost(WAIT).until(() -> has(intake, "syslog-tcp", "rsyslogd", " start"));
                Path lines = dir.resolve("lines.txt");
                Files.write(
                        lines,
                        IntStream.range(0, LINES)
                                .mapToObj(RsyslogForwardTest::line)
                                .toList(),
                        UTF_8);
                Processes.run(List.of(
                        "/usr/bin/logger",
                        "--udp",
                        "-n",
                        "127.0.0.1",
                        "-P",
                        Integer.toString(relayPort),
                        "-t",
                        "lachan-relay",
                        "-f",
                        lines.toString()));
                await().atMost(WAIT)
                        .until(() -> relayed(intake, "syslog-tcp").size() == LINES
                                && relayed(intake, "syslog-udp").size() == LINES);
            } finally {
                rsyslog.destroy();
                assertThat(rsyslog.waitFor(20, TimeUnit.SECONDS))
                        .as("rsyslog stopped")
                        .isTrue();
            }
            for (String input : List.of("syslog-tcp", "syslog-udp")) {
                List<RawRecord> records = relayed(intake, input);
                for (int i = 0; i < LINES; i++) {
                    String text = new String(records.get(i).payload(), UTF_8);
                    assertThat(text)
                            .startsWith("<13>1 ")
                            .contains(" lachan-relay ")
                            .endsWith(" " + line(i));
                    assertThat(records.get(i).problem()).isEmpty();
                    assertThat(records.get(i).peer()).isEqualTo("127.0.0.1");
                }
            }
        }
    }

    private static String line(int i) {
        return "dòng " + i + " chuyển tiếp qua rsyslog";
    }

    private static boolean has(RecordingIntake intake, String input, String... parts) {
        return intake.records().stream()
                .filter(r -> r.input().equals(input))
                .map(r -> new String(r.payload(), UTF_8))
                .anyMatch(t -> List.of(parts).stream().allMatch(t::contains));
    }

    private static List<RawRecord> relayed(RecordingIntake intake, String input) {
        return intake.records().stream()
                .filter(r -> r.input().equals(input) && new String(r.payload(), UTF_8).contains(" lachan-relay "))
                .toList();
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return probe.getLocalPort();
        }
    }

    private Process startRsyslog(SyslogServer server, int relayPort) throws Exception {
        int tcp = server.tcpAddress().orElseThrow().getPort();
        int udp = server.udpAddress().orElseThrow().getPort();
        String forward = "*.* action(type=\"omfwd\" target=\"127.0.0.1\" port=\"%d\" protocol=\"%s\"%s"
                + " template=\"RSYSLOG_SyslogProtocol23Format\")\n";
        String config = "global(workDirectory=\"" + dir + "\" processInternalMessages=\"on\")\n"
                + "module(load=\"imudp\")\n"
                + "input(type=\"imudp\" address=\"127.0.0.1\" port=\"" + relayPort + "\")\n"
                + forward.formatted(tcp, "tcp", " TCP_Framing=\"octet-counted\"")
                + forward.formatted(udp, "udp", "");
        Path conf = Files.writeString(dir.resolve("rsyslog.conf"), config, UTF_8);
        return new ProcessBuilder(
                        RSYSLOGD.toString(),
                        "-n",
                        "-f",
                        conf.toString(),
                        "-i",
                        dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("rsyslogd.out").toFile())
                .start();
    }
}
