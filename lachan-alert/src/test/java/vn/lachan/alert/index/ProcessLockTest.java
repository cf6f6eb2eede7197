package vn.lachan.alert.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second process cannot open an alert index another process holds, and can once it is released. */
class ProcessLockTest {
    @TempDir
    Path dir;

    @Test
    void anotherProcessHoldingTheFolderKeepsThisOneOut() throws Exception {
        Path folder = dir.resolve("alerts");
        Path errors = dir.resolve("holder.err");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldIndex.class.getName(),
                        folder.toString())
                .redirectError(errors.toFile())
                .start();
        try (BufferedReader out = holder.inputReader(StandardCharsets.UTF_8)) {
            assertThat(out.readLine()).as(() -> read(errors)).isEqualTo("open");

            assertThatThrownBy(() -> LuceneAlertStore.open(folder))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(folder.toString())
                    .hasMessageContaining("in use by another Lachan process");

            holder.getOutputStream().close();
            assertThat(out.readLine()).as(() -> read(errors)).isEqualTo("closed");
        } finally {
            if (!holder.waitFor(60, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        try (LuceneAlertStore store = LuceneAlertStore.open(folder)) {
            assertThat(store.durablePosition()).isEqualTo(1);
            assertThat(store.get(Alerts.id(1))).isPresent();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(no error output: " + e.getMessage() + ")";
        }
    }
}
