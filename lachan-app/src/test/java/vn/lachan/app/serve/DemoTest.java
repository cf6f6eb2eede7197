package vn.lachan.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.app.Main;

/** Runs the README's first command on the bundled sample, as a newcomer would, and reads what it shows. */
class DemoTest {
    @TempDir
    Path dir;

    private String demo(String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String previous = System.getProperty("lachan.home");
        System.setProperty("lachan.home", "..");
        try {
            String[] args = java.util.stream.Stream.concat(
                            java.util.stream.Stream.of(
                                    "demo",
                                    "--once",
                                    "--sample",
                                    "bundled",
                                    "--data",
                                    dir.resolve("demo").toString(),
                                    "--http",
                                    "127.0.0.1:0",
                                    "--syslog",
                                    "127.0.0.1:0"),
                            java.util.Arrays.stream(extra))
                    .toArray(String[]::new);
            int code = Main.run(
                    args,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    false);
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            restore(previous);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void restore(@org.jspecify.annotations.Nullable String previous) {
        if (previous == null) {
            System.clearProperty("lachan.home");
        } else {
            System.setProperty("lachan.home", previous);
        }
    }

    @Test
    void feedsTheBundledStoryThroughTheRunningPlatformAndShowsItsAlerts() {
        String out = demo();

        assertThat(out).contains("30 events sent, 30 stored, 0 kept raw, 9 rule firings, 9 alerts");
        assertThat(out).contains("ALERT critical Mimikatz Commands On The Command Line");
        assertThat(out)
                .contains(
                        "Account And Domain Discovery Burst On One Host  [STC-KT-PC12.stc.lachan.gov.vn]  (correlation)");
    }

    @Test
    void startsAgainFromAnEmptyFolderButRefusesAFolderThatIsNotItsOwn() throws Exception {
        demo();
        assertThat(demo()).as("a second run starts afresh").contains("30 stored");

        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("thesis.docx"), "precious");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String previous = System.getProperty("lachan.home");
        System.setProperty("lachan.home", "..");
        int code;
        try {
            code = Main.run(
                    new String[] {
                        "demo", "--once", "--sample", "bundled", "--data", foreign.toString(), "--http", "127.0.0.1:0"
                    },
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    false);
        } finally {
            restore(previous);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not empty and not a Lachan data folder");
        assertThat(foreign.resolve("thesis.docx")).exists();
    }
}
