package vn.lachan.input.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lachan.core.intake.RawRecord;

/**
 * Sends syslog with util-linux {@code logger} over UDP and TCP and checks that every payload arrives byte
 * for byte as logger says it sent it ({@code --stderr} prints the exact message).
 */
class LoggerClientTest {
    private static final Path LOGGER = Path.of("/usr/bin/logger");
    private static final String VIETNAMESE = "Cảnh báo: đăng nhập thất bại từ máy chủ Sở Thông tin và Truyền thông";

    private final RecordingIntake intake = new RecordingIntake();
    private SyslogServer server;

    @BeforeAll
    static void needLogger() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isExecutable(LOGGER), "util-linux logger is not installed at " + LOGGER);
    }

    @BeforeEach
    void start() {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        server = SyslogServer.start(SyslogConfig.defaults().withUdp(any).withTcp(any), intake);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> sends() {
        return Stream.of(
                Arguments.of("udp rfc5424", List.of("--udp", "--rfc5424"), "hello over UDP"),
                Arguments.of("udp rfc3164", List.of("--udp", "--rfc3164"), "hello old BSD syslog"),
                Arguments.of("tcp newline rfc5424", List.of("--tcp", "--rfc5424"), "hello over TCP"),
                Arguments.of("tcp newline rfc3164", List.of("--tcp", "--rfc3164"), "BSD over TCP"),
                Arguments.of("tcp octet-count", List.of("--tcp", "--octet-count", "--rfc5424"), "counted"),
                Arguments.of("tcp octet-count newline", List.of("--tcp", "--octet-count"), "first line\nsecond line"),
                Arguments.of(
                        "structured data",
                        List.of("--tcp", "--rfc5424", "--sd-id", "lachan@32473", "--sd-param", "tinh=\"Lào Cai\""),
                        "with SD"),
                Arguments.of("udp vietnamese", List.of("--udp", "--rfc5424"), VIETNAMESE),
                Arguments.of("tcp vietnamese counted", List.of("--tcp", "--octet-count", "--rfc5424"), VIETNAMESE));
    }

    /** Returns what logger printed, less the octet count it prints in front when counting (checked here). */
    private static byte[] expectedPayload(String printed, boolean counted) {
        byte[] bytes = printed.getBytes(UTF_8);
        if (!counted) {
            return bytes;
        }
        int space = printed.indexOf(' ');
        byte[] message = printed.substring(space + 1).getBytes(UTF_8);
        assertThat(Integer.parseInt(printed.substring(0, space))).isEqualTo(message.length);
        return message;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sends")
    void receivesWhatLoggerSentByteForByte(String name, List<String> options, String message) throws Exception {
        boolean udp = options.contains("--udp");
        InetSocketAddress target = (udp ? server.udpAddress() : server.tcpAddress()).orElseThrow();
        List<String> command = new ArrayList<>(List.of(LOGGER.toString(), "--stderr", "-t", "lachan-test"));
        command.addAll(options);
        command.addAll(List.of("-n", "127.0.0.1", "-P", Integer.toString(target.getPort()), message));

        String sent = Processes.run(command);

        assertThat(sent).endsWith("\n").contains(message);
        byte[] expected = expectedPayload(sent.substring(0, sent.length() - 1), options.contains("--octet-count"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !intake.records().isEmpty());
        RawRecord record = intake.records().getFirst();
        assertThat(new String(record.payload(), UTF_8)).as(name).isEqualTo(new String(expected, UTF_8));
        assertThat(record.payload()).as(name).isEqualTo(expected);
        assertThat(record.input()).isEqualTo(udp ? "syslog-udp" : "syslog-tcp");
        assertThat(record.peer()).isEqualTo("127.0.0.1");
        assertThat(record.format()).isEqualTo(RawRecord.AUTO);
        assertThat(record.source()).isEmpty();
        assertThat(record.problem()).isEmpty();
        assertThat(intake.records()).hasSize(1);
        ListenerStats stats = server.stats().stream()
                .filter(s -> s.input().equals(record.input()))
                .findFirst()
                .orElseThrow();
        assertThat(stats.received()).isEqualTo(1);
        assertThat(stats.accepted()).isEqualTo(1);
        assertThat(stats.bytes()).isGreaterThanOrEqualTo(expected.length);
    }
}
