package vn.lachan.input.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.lachan.core.intake.Admission;

/** Holds senders back while the intake is full: TCP stops reading and loses nothing, UDP counts drops. */
class BackpressureTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int MESSAGES = 250_000;
    private static final String PAD = "x".repeat(180);

    private final RecordingIntake intake = new RecordingIntake();
    private final SyslogServer server = SyslogServer.start(
            SyslogConfig.defaults()
                    .withTcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .withUdp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
            intake);

    @AfterEach
    void stop() {
        server.close();
    }

    private ListenerStats stats(String input) {
        return server.stats().stream()
                .filter(s -> s.input().equals(input))
                .findFirst()
                .orElseThrow();
    }

    private static String message(int i) {
        return "<13>backpressure " + i + " " + PAD;
    }

    @Test
    void aFullIntakeBlocksTheTcpSenderAndLosesNothing() throws Exception {
        intake.answer(Admission.FULL);
        AtomicLong written = new AtomicLong();
        try (Socket socket = new Socket(
                InetAddress.getLoopbackAddress(),
                server.tcpAddress().orElseThrow().getPort())) {
            Thread writer = Thread.ofPlatform().name("test-writer").start(() -> write(socket, written));

            await().atMost(WAIT).until(() -> intake.refusedOffers() >= 3);
            assertThat(writer.isAlive())
                    .as("the sender is blocked: its socket buffers are full")
                    .isTrue();
            assertThat(written.get()).isLessThan((long) MESSAGES * PAD.length());
            long read = stats("syslog-tcp").bytes();
            assertThat(read).as("the server read one buffer and stopped").isLessThanOrEqualTo(64 * 1024);
            assertThat(intake.records()).isEmpty();

            intake.answer(Admission.ACCEPTED);
            writer.join(WAIT);
            assertThat(writer.isAlive()).isFalse();
            socket.shutdownOutput();
            await().atMost(WAIT).until(() -> intake.records().size() >= MESSAGES);
        }
        List<String> texts = intake.texts();
        assertThat(texts).hasSize(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            assertThat(texts.get(i)).isEqualTo(message(i));
        }
        ListenerStats tcp = stats("syslog-tcp");
        assertThat(tcp.accepted()).isEqualTo(MESSAGES);
        assertThat(tcp.dropped()).isZero();
    }

    private static void write(Socket socket, AtomicLong written) {
        try {
            OutputStream out = socket.getOutputStream();
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < MESSAGES; i++) {
                chunk.append(message(i)).append('\n');
                if (chunk.length() > 60_000 || i == MESSAGES - 1) {
                    byte[] bytes = chunk.toString().getBytes(UTF_8);
                    out.write(bytes);
                    written.addAndGet(bytes.length);
                    chunk.setLength(0);
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aClosedIntakeEndsTheTcpConnection() throws Exception {
        intake.answer(Admission.CLOSED);
        try (Socket socket = new Socket(
                InetAddress.getLoopbackAddress(),
                server.tcpAddress().orElseThrow().getPort())) {
            socket.getOutputStream().write("<13>one\n<13>two\n".getBytes(UTF_8));
            socket.setSoTimeout(10_000);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        await().atMost(WAIT).until(() -> stats("syslog-tcp").dropped() == 2);
        assertThat(stats("syslog-tcp").accepted()).isZero();
    }

    @Test
    void aFullIntakeMakesUdpDropAndCount() throws Exception {
        InetSocketAddress udp = server.udpAddress().orElseThrow();
        intake.answer(Admission.FULL);
        send(udp, 0, 50);
        await().atMost(WAIT).until(() -> stats("syslog-udp").received() == 50);
        await().atMost(WAIT).until(() -> stats("syslog-udp").dropped() == 50);
        assertThat(intake.records()).isEmpty();

        intake.answer(Admission.ACCEPTED);
        send(udp, 50, 10);
        await().atMost(WAIT).until(() -> intake.records().size() == 10);
        assertThat(intake.texts().getFirst()).isEqualTo("<13>datagram 50");
        ListenerStats stats = stats("syslog-udp");
        assertThat(stats.accepted()).isEqualTo(10);
        assertThat(stats.dropped()).isEqualTo(50);
        assertThat(stats.receiveBufferBytes())
                .as("the OS granted a receive buffer")
                .isPositive();
    }

    private static void send(InetSocketAddress to, int from, int count) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = from; i < from + count; i++) {
                byte[] bytes = ("<13>datagram " + i + "\n").getBytes(UTF_8);
                socket.send(new DatagramPacket(bytes, bytes.length, to));
            }
        }
    }

    @Test
    void closingLetsABatchInFlightFinishItsOffer() throws Exception {
        intake.answer(Admission.FULL);
        try (Socket socket = new Socket(
                InetAddress.getLoopbackAddress(),
                server.tcpAddress().orElseThrow().getPort())) {
            socket.getOutputStream().write("<13>in flight\n".getBytes(UTF_8));
            await().atMost(WAIT).until(() -> intake.refusedOffers() >= 1);
            Thread closer = Thread.ofPlatform().start(() -> server.close(Duration.ofSeconds(30)));
            await().atMost(WAIT).until(() -> intake.refusedOffers() >= 2);
            assertThat(closer.isAlive())
                    .as("close waits for the batch in flight")
                    .isTrue();
            intake.answer(Admission.ACCEPTED);
            closer.join(WAIT);
            assertThat(closer.isAlive()).isFalse();
        }
        assertThat(intake.texts()).containsExactly("<13>in flight");
        assertThat(stats("syslog-tcp").connectionsOpen()).isZero();
    }

    @Test
    void closingGivesUpOnABatchStillWaitingAfterTheGrace() throws Exception {
        intake.answer(Admission.FULL);
        try (Socket socket = new Socket(
                InetAddress.getLoopbackAddress(),
                server.tcpAddress().orElseThrow().getPort())) {
            socket.getOutputStream().write("<13>never taken\n".getBytes(UTF_8));
            await().atMost(WAIT).until(() -> intake.refusedOffers() >= 1);
            server.close(Duration.ofMillis(200));
        }
        assertThat(intake.records()).isEmpty();
        await().atMost(WAIT).until(() -> stats("syslog-tcp").dropped() == 1);
    }
}
