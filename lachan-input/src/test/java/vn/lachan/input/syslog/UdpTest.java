package vn.lachan.input.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sends datagrams to the UDP listener: one message each, trailers dropped, oversize cut and marked. */
class UdpTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final RecordingIntake intake = new RecordingIntake();
    private final SyslogServer server = SyslogServer.start(
            SyslogConfig.defaults()
                    .withUdp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .withMaxMessageBytes(2048),
            intake);

    @AfterEach
    void stop() {
        server.close();
    }

    private void send(byte[]... datagrams) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            for (byte[] d : datagrams) {
                socket.send(new DatagramPacket(d, d.length, server.udpAddress().orElseThrow()));
            }
        }
    }

    @Test
    void takesOneMessagePerDatagramWithoutItsTrailer() throws IOException {
        send(
                "<13>a\n".getBytes(UTF_8),
                "<13>b\r\n".getBytes(UTF_8),
                "<13>c\u0000".getBytes(UTF_8),
                "<13>two\nlines".getBytes(UTF_8),
                "\n".getBytes(UTF_8));
        await().atMost(WAIT).until(() -> intake.records().size() == 4);
        assertThat(intake.texts()).containsExactly("<13>a", "<13>b", "<13>c", "<13>two\nlines");
        assertThat(intake.records()).allSatisfy(r -> {
            assertThat(r.input()).isEqualTo("syslog-udp");
            assertThat(r.peer()).isEqualTo("127.0.0.1");
            assertThat(r.problem()).isEmpty();
        });
    }

    @Test
    void cutsAnOversizeDatagramAtTheLimit() throws IOException {
        String big = "<13>" + "b".repeat(10_000);
        send(big.getBytes(UTF_8), "<13>small".getBytes(UTF_8));
        await().atMost(WAIT).until(() -> intake.records().size() == 2);
        assertThat(intake.records().get(0).payload())
                .isEqualTo(big.substring(0, 2048).getBytes(UTF_8));
        assertThat(intake.records().get(0).problem()).contains("limit of 2048 bytes");
        assertThat(intake.records().get(1).problem()).isEmpty();
        ListenerStats stats = server.stats().getFirst();
        assertThat(stats.oversize()).isEqualTo(1);
        assertThat(stats.received()).isEqualTo(2);
        assertThat(stats.bytes()).isEqualTo(2048 + 1 + "<13>small".length());
    }
}
