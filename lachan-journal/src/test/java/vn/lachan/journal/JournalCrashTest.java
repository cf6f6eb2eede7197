package vn.lachan.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.RawRecord;

/** Kills a JVM that is writing to a journal with SIGKILL and checks what the journal kept. */
class JournalCrashTest {
    private static final int WRITERS = 4;

    @TempDir
    Path folder;

    @RepeatedTest(3)
    void everyAcknowledgedRecordSurvivesKillNineExactlyOnce(org.junit.jupiter.api.RepetitionInfo repetition)
            throws Exception {
        List<String> acknowledged = runAndKill(1000 * repetition.getCurrentRepetition());
        try (Journal journal = Journal.open(new JournalConfig(folder, 64 * 1024, 256L << 20, 4096, true))) {
            List<JournalEntry> read = Samples.drain(journal);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < read.size(); i++) {
                JournalEntry entry = read.get(i);
                assertThat(entry.position()).isEqualTo(i);
                RawRecord record = entry.record();
                assertThat(seen.add(record.source()))
                        .as("read once: %s", record.source())
                        .isTrue();
                assertThat(record).isEqualTo(expected(record.source()));
            }
            assertThat(seen).containsAll(acknowledged);
            assertThat(journal.problems())
                    .allSatisfy(p -> assertThat(p.message()).contains("cut off"));
            long end = journal.end();
            assertThat(end).isEqualTo(read.size());
            assertThat(journal.offer(Samples.records(99, 0, 3))).isEqualTo(Admission.ACCEPTED);
            assertThat(Samples.drain(journal))
                    .extracting(JournalEntry::position)
                    .containsExactly(end, end + 1, end + 2);
        }
    }

    private static RawRecord expected(String label) {
        String[] parts = label.split("/");
        return Samples.record(Integer.parseInt(parts[0].substring(1)), Long.parseLong(parts[1]));
    }

    /** Starts the writer, kills it once {@code atLeast} records are acknowledged, returns their labels. */
    private List<String> runAndKill(int atLeast) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        JournalWriterMain.class.getName(),
                        folder.toString(),
                        Integer.toString(WRITERS))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> acknowledged = new ArrayList<>();
        try (InputStream stdout = child.getInputStream()) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8));
            while (acknowledged.size() < atLeast) {
                String line = lines.readLine();
                if (line == null) {
                    fail("the writer stopped after %d records with exit code %d", acknowledged.size(), child.waitFor());
                }
                acknowledged.add(line);
            }
            // kill while the writers are in full flow; lines still in the pipe are lost with it, which
            // only shrinks the set checked (destroying the process closes our end of the pipe)
            child.destroyForcibly();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        return acknowledged;
    }
}
