package vn.lachan.input.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real command-line clients the tests talk to our listeners with. */
final class Processes {
    private Processes() {}

    /** Runs the command to its end and returns what it wrote to standard error; fails the test on a bad exit. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.getOutputStream().close();
        byte[] stderr = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("%s finished", command)
                .isTrue();
        String text = new String(stderr, StandardCharsets.UTF_8);
        assertThat(process.exitValue())
                .as("exit of %s, stderr: %s", command, text)
                .isZero();
        return text;
    }
}
