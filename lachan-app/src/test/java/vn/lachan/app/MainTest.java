package vn.lachan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsHelpWithCommandsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("Usage: lachan", "hunt", "Exit codes:", "2", "bad usage or unreadable input");
    }

    @Test
    void printsTheHuntHelpWithEveryOption() {
        assertThat(run("hunt", "--help")).isZero();
        assertThat(stdout())
                .contains("--rules", "--mapping", "--placeholders", "--format", "--stats", "--threads", "--fail-on")
                .contains("EVENTS", "Exit codes:", "internal error");
    }

    @Test
    void printsTheVersion() {
        assertThat(run("--version")).isZero();
        assertThat(stdout()).startsWith("lachan ").contains("Java 25");
    }

    @Test
    void exitsWith2OnBadUsage() {
        assertThat(run("hunt", "--rules", "x.yml", "--no-such-option", "y.json"))
                .isEqualTo(2);
        assertThat(stderr()).contains("Unknown option", "--no-such-option");
        err.reset();
        assertThat(run("hunt", "--rules", "x.yml")).isEqualTo(2);
        assertThat(stderr()).contains("Missing required parameter", "EVENTS");
        err.reset();
        assertThat(run("hunt", "--rules", "x.yml", "--threads", "0", "y.json")).isEqualTo(2);
        assertThat(stderr()).contains("--threads must be 1 or more");
    }

    @Test
    void exitsWith2WithoutACommand() {
        assertThat(run()).isEqualTo(2);
        assertThat(stderr()).contains("give a command");
    }
}
