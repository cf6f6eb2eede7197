package vn.lachan.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs {@code lachan} commands in this JVM as a shell would, capturing what they print. */
public final class Cli {
    private Cli() {}

    /**
     * Holds what one command did.
     *
     * @param code its exit code
     * @param out what it printed on standard output
     * @param err what it printed on standard error
     */
    public record Run(int code, String out, String err) {
        /** Returns the last line of standard output (where a command prints a token), or "". */
        public String lastLine() {
            List<String> lines = out.strip().lines().toList();
            return lines.isEmpty() ? "" : lines.getLast();
        }

        /** Returns both outputs, for assertion messages. */
        public String all() {
            return out + err;
        }
    }

    /** Runs {@code lachan ARGS} with an empty standard input. */
    public static Run run(String... args) {
        return withInput("", args);
    }

    /** Runs {@code lachan ARGS} reading {@code stdin} as its standard input. */
    public static Run withInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream previous = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = Main.run(
                    args,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    false);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(previous);
        }
    }
}
