package vn.lachan.input.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.lachan.core.intake.RawRecord;

/** Talks to the TCP listener over real sockets: bad frames, bad clients, the connection cap. */
class TcpFramingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final RecordingIntake intake = new RecordingIntake();
    private SyslogServer server = start(SyslogConfig.defaults());

    private SyslogServer start(SyslogConfig config) {
        return SyslogServer.start(config.withTcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), intake);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Socket connect() throws IOException {
        return new Socket(
                InetAddress.getLoopbackAddress(),
                server.tcpAddress().orElseThrow().getPort());
    }

    private ListenerStats tcpStats() {
        return server.stats().getFirst();
    }

    @Test
    void cutsAnOversizeMessageAtTheLimitKeepingTheFirstPart() throws IOException {
        server.close();
        server = start(SyslogConfig.defaults().withMaxMessageBytes(1000));
        String big = "<13>" + "a".repeat(5000);
        try (Socket s = connect()) {
            s.getOutputStream().write((big + "\n" + big.length() + " " + big + "<14>after\n").getBytes(UTF_8));
        }
        await().atMost(WAIT).until(() -> intake.records().size() == 3);
        List<RawRecord> records = intake.records();
        assertThat(records.get(0).payload()).isEqualTo(big.substring(0, 1000).getBytes(UTF_8));
        assertThat(records.get(0).problem()).contains("limit of 1000 bytes");
        assertThat(records.get(1).payload()).isEqualTo(big.substring(0, 1000).getBytes(UTF_8));
        assertThat(records.get(1).problem()).contains("octet-counted frame of 5004 bytes");
        assertThat(new String(records.get(2).payload(), UTF_8)).isEqualTo("<14>after");
        assertThat(records.get(2).problem()).isEmpty();
        await().atMost(WAIT)
                .until(() -> tcpStats().oversize() == 2 && tcpStats().received() == 3);
    }

    @Test
    void keepsABrokenOctetCountRawWithItsProblem() throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write("99999999999 <13>garbage\n5 <13>x".getBytes(UTF_8));
        }
        await().atMost(WAIT).until(() -> intake.records().size() == 2);
        assertThat(intake.texts()).containsExactly("99999999999 <13>garbage", "<13>x");
        assertThat(intake.records().get(0).problem()).contains("broken octet count");
        assertThat(intake.records().get(1).problem()).isEmpty();
        await().atMost(WAIT).until(() -> tcpStats().frameErrors() == 1);
    }

    @Test
    void passesInvalidUtf8ThroughByteForByte() throws IOException {
        byte[] payload = {'<', '1', '3', '>', 'x', (byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xFF, 'y'};
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes("10 ".getBytes(UTF_8));
        stream.writeBytes(payload);
        stream.writeBytes(payload);
        stream.write('\n');
        try (Socket s = connect()) {
            s.getOutputStream().write(stream.toByteArray());
        }
        await().atMost(WAIT).until(() -> intake.records().size() == 2);
        assertThat(intake.records()).allSatisfy(r -> {
            assertThat(r.payload()).isEqualTo(payload);
            assertThat(r.problem()).isEmpty();
        });
    }

    @Test
    void keepsTheStartOfAFrameCutByADisconnect() throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write("9 <13>whole100 <13>cut short".getBytes(UTF_8));
        }
        await().atMost(WAIT).until(() -> intake.records().size() == 2);
        assertThat(intake.texts()).containsExactly("<13>whole", "<13>cut short");
        assertThat(intake.records().get(1).problem()).contains("after 13 of the 100 bytes");
        await().atMost(WAIT)
                .until(() -> tcpStats().frameErrors() == 1 && tcpStats().connectionsOpen() == 0);
    }

    @Test
    void aGarbageClientDoesNotDisturbAnother() throws IOException {
        byte[] garbage = new byte[200_000];
        new java.util.Random(7).nextBytes(garbage);
        try (Socket bad = connect();
                Socket good = connect()) {
            OutputStream goodOut = good.getOutputStream();
            for (int i = 0; i < 100; i++) {
                bad.getOutputStream().write(garbage, i * 2000, 2000);
                goodOut.write(("<13>good " + i + "\n").getBytes(UTF_8));
            }
        }
        await().atMost(WAIT).until(() -> tcpStats().connectionsOpen() == 0);
        List<String> good =
                intake.texts().stream().filter(t -> t.startsWith("<13>good ")).toList();
        assertThat(good).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(good.get(i)).isEqualTo("<13>good " + i);
        }
        assertThat(tcpStats().bytes()).isGreaterThan(200_000);
    }

    @Test
    void batchesTheFramesOfOneReadIntoOneOffer() throws IOException {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            many.append("<13>message ").append(i).append('\n');
        }
        try (Socket s = connect()) {
            s.getOutputStream().write(many.toString().getBytes(UTF_8));
        }
        await().atMost(WAIT).until(() -> intake.records().size() == 2000);
        assertThat(intake.batchSizes().size()).as("offers for 2000 messages").isLessThan(200);
        assertThat(intake.texts().get(1999)).isEqualTo("<13>message 1999");
    }

    @Test
    void refusesConnectionsBeyondTheCapAndCountsThem() throws Exception {
        server.close();
        server = start(SyslogConfig.defaults().withMaxTcpConnections(2));
        try (Socket a = connect();
                Socket b = connect()) {
            a.getOutputStream().write("<13>a\n".getBytes(UTF_8));
            b.getOutputStream().write("<13>b\n".getBytes(UTF_8));
            await().atMost(WAIT).until(() -> intake.records().size() == 2);
            try (Socket c = connect()) {
                c.setSoTimeout(10_000);
                assertThat(c.getInputStream().read())
                        .as("the refused connection is closed")
                        .isEqualTo(-1);
            }
            assertThat(tcpStats().connectionsRefused()).isEqualTo(1);
            assertThat(tcpStats().connectionsOpen()).isEqualTo(2);
        }
    }

    @Test
    void closesAnIdleConnection() throws Exception {
        server.close();
        server = start(SyslogConfig.defaults().withIdleTimeout(Duration.ofMillis(300)));
        try (Socket s = connect()) {
            s.getOutputStream().write("<13>then silence".getBytes(UTF_8));
            s.setSoTimeout(10_000);
            assertThat(s.getInputStream().read())
                    .as("the server closed the idle connection")
                    .isEqualTo(-1);
        }
        assertThat(intake.texts()).containsExactly("<13>then silence");
    }

    @Test
    void labelsRecordsWithTheConfiguredFormat() throws IOException {
        server.close();
        server = start(SyslogConfig.defaults().withFormat("cef"));
        try (Socket s = connect()) {
            s.getOutputStream().write("CEF:0|Vendor|Product|1|100|name|5|\n".getBytes(UTF_8));
        }
        await().atMost(WAIT).until(() -> intake.records().size() == 1);
        assertThat(intake.records().getFirst().format()).isEqualTo("cef");
        assertThat(intake.records().getFirst().input()).isEqualTo("syslog-tcp");
    }
}
