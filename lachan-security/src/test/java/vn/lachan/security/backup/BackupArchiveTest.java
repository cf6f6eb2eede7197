package vn.lachan.security.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lachan.security.crypto.internal.Primitives;
import vn.lachan.security.crypto.signing.SigningKeys;
import vn.lachan.security.envelope.EnvelopeReader;
import vn.lachan.security.envelope.EnvelopeWriter;
import vn.lachan.security.envelope.RecipientKeyPair;

class BackupArchiveTest {
    private static final KeyPair SENDER = SigningKeys.generate();
    private static final RecipientKeyPair RECIPIENT = RecipientKeyPair.generate();
    private static final EnvelopeWriter WRITER = new EnvelopeWriter(SENDER, Clock.systemUTC(), 4096);
    private static final EnvelopeReader READER = new EnvelopeReader(RECIPIENT, List.of(SENDER.getPublic()));

    @TempDir
    Path dir;

    private final BackupArchive archive = new BackupArchive();

    @Test
    void roundTripsATreeWithItsContentModesAndEmptyParts() throws Exception {
        Path source = dir.resolve("data");
        Files.createDirectories(source.resolve("meta/h2"));
        Files.createDirectories(source.resolve("events/2026-03-01"));
        Files.createDirectories(source.resolve("trống"));
        Files.writeString(source.resolve("meta/h2/lachan.mv.db"), "Sở Thông tin và Truyền thông");
        Files.write(source.resolve("events/2026-03-01/segment.bin"), randomBytes(300_000, 1));
        Files.write(source.resolve("events/empty"), new byte[0]);
        Files.setPosixFilePermissions(
                source.resolve("meta/h2/lachan.mv.db"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(source.resolve("events/empty"), PosixFilePermissions.fromString("rwxr-x---"));

        byte[] backup = backup(source);
        Path target = dir.resolve("restored");
        RestoreResult result = restore(backup, target);

        assertThat(result.problems()).isEmpty();
        assertThat(result.restored()).isTrue();
        assertThat(result.files()).isEqualTo(3);
        assertThat(result.bytes())
                .isEqualTo(300_000 + "Sở Thông tin và Truyền thông".getBytes(StandardCharsets.UTF_8).length);
        assertThat(snapshot(target)).isEqualTo(snapshot(source));
        assertThat(new String(backup, StandardCharsets.ISO_8859_1)).doesNotContain("lachan.mv.db");
    }

    @Test
    void leavesSymbolicLinksOutAndSaysSo() throws Exception {
        Path source = dir.resolve("data");
        Files.createDirectories(source);
        Files.writeString(source.resolve("real"), "x");
        Files.createSymbolicLink(source.resolve("link"), Path.of("real"));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        BackupResult result = archive.write(source, sink, WRITER, List.of(RECIPIENT.publicKey()));
        assertThat(result.files()).isEqualTo(1);
        assertThat(result.skipped()).singleElement().satisfies(problem -> {
            assertThat(problem.source()).endsWith("link");
            assertThat(problem.message()).contains("symbolic link");
        });
        Path target = dir.resolve("restored");
        assertThat(restore(sink.toByteArray(), target).restored()).isTrue();
        assertThat(Files.exists(target.resolve("link"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .isFalse();
    }

    @Test
    void refusesToRestoreIntoAFolderThatIsNotEmpty() throws Exception {
        Path source = dir.resolve("data");
        Files.createDirectories(source);
        Path target = dir.resolve("busy");
        Files.createDirectories(target);
        Files.writeString(target.resolve("keep-me"), "precious");
        byte[] backup = backup(source);
        assertThatThrownBy(() -> restore(backup, target)).isInstanceOf(DirectoryNotEmptyException.class);
        assertThat(Files.readString(target.resolve("keep-me"))).isEqualTo("precious");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "a/../../evil", "/tmp/evil", "a/./b", "a//b", "a\\..\\evil", "ok/.."})
    void refusesPathsThatCouldEscapeTheTargetAndKeepsNothing(String path) throws Exception {
        byte[] backup = crafted(
                out -> {
                    file(out, "first-ok", "fine".getBytes(StandardCharsets.UTF_8));
                    file(out, path, "evil".getBytes(StandardCharsets.UTF_8));
                },
                2);
        Path target = dir.resolve("inner/restored");
        RestoreResult result = restore(backup, target);
        assertThat(result.restored()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.source()).isEqualTo("backup.lenv");
            assertThat(problem.message())
                    .contains("'" + path + "'")
                    .contains("refused")
                    .containsAnyOf("escape", "absolute", "outside");
        });
        assertThat(Files.list(target)).isEmpty();
        assertThat(Files.exists(dir.resolve("evil"))).isFalse();
        assertThat(Files.exists(dir.resolve("inner/evil"))).isFalse();
    }

    @Test
    void refusesDuplicateEntriesAndChecksumMismatches() throws Exception {
        byte[] twice = crafted(
                out -> {
                    file(out, "a", new byte[] {1});
                    file(out, "a", new byte[] {2});
                },
                2);
        RestoreResult duplicate = restore(twice, dir.resolve("t1"));
        assertThat(duplicate.problems())
                .singleElement()
                .extracting(p -> p.message())
                .asString()
                .contains("appears twice");

        byte[] wrongHash = crafted(
                out -> {
                    out.writeByte(TreeFormat.FILE);
                    name(out, "a");
                    out.writeShort(0600);
                    out.writeLong(1);
                    out.writeByte(7);
                    out.write(new byte[32]);
                },
                1);
        RestoreResult mismatch = restore(wrongHash, dir.resolve("t2"));
        assertThat(mismatch.problems())
                .singleElement()
                .extracting(p -> p.message())
                .asString()
                .contains("does not match its SHA-256");
        assertThat(Files.list(dir.resolve("t2"))).isEmpty();
    }

    @Test
    void aTamperedBackupIsRefusedAndWhatWasAlreadyWrittenIsRemoved() throws Exception {
        Path source = dir.resolve("data");
        Files.createDirectories(source);
        Files.write(source.resolve("a-first"), randomBytes(10_000, 2));
        Files.write(source.resolve("b-second"), randomBytes(10_000, 3));
        byte[] backup = backup(source);
        backup[backup.length - 3311 - 2000] ^= 0x40;
        Path target = dir.resolve("restored");
        RestoreResult result = restore(backup, target);
        assertThat(result.restored()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location()).startsWith("chunk ");
            assertThat(problem.message()).contains("does not decrypt");
        });
        assertThat(Files.list(target)).isEmpty();
    }

    @Test
    void refusesAnEnvelopeThatIsNotABackup() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (var out = WRITER.open(sink, List.of(RECIPIENT.publicKey()), "lachan-export/1")) {
            out.write(TreeFormat.MAGIC);
        }
        RestoreResult result = restore(sink.toByteArray(), dir.resolve("t"));
        assertThat(result.problems())
                .singleElement()
                .extracting(p -> p.message())
                .asString()
                .contains("holds 'lachan-export/1', not a Lachan backup");
    }

    private byte[] backup(Path source) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        BackupResult result = archive.write(source, sink, WRITER, List.of(RECIPIENT.publicKey()));
        assertThat(result.skipped()).isEmpty();
        return sink.toByteArray();
    }

    private RestoreResult restore(byte[] backup, Path target) throws IOException {
        return archive.restore(new ByteArrayInputStream(backup), "backup.lenv", READER, target);
    }

    /** Writes a hand-made tree into a genuine, signed envelope, as a compromised sender could. */
    private static byte[] crafted(Entries entries, long files) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (DataOutputStream out =
                new DataOutputStream(WRITER.open(sink, List.of(RECIPIENT.publicKey()), TreeFormat.LABEL))) {
            out.write(TreeFormat.MAGIC);
            entries.write(out);
            out.writeByte(TreeFormat.END);
            out.writeLong(0);
            out.writeLong(files);
            out.writeLong(files);
        }
        return sink.toByteArray();
    }

    private interface Entries {
        void write(DataOutputStream out) throws IOException;
    }

    private static void file(DataOutputStream out, String path, byte[] content) throws IOException {
        out.writeByte(TreeFormat.FILE);
        name(out, path);
        out.writeShort(0600);
        out.writeLong(content.length);
        out.write(content);
        out.write(Primitives.sha256().digest(content));
    }

    private static void name(DataOutputStream out, String path) throws IOException {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    /** Maps each relative path to its kind, mode and SHA-256, to compare two trees. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                String kind = Files.isDirectory(path)
                        ? "dir"
                        : java.util.HexFormat.of().formatHex(Primitives.sha256().digest(Files.readAllBytes(path)));
                out.put(root.relativize(path).toString(), kind + " " + (path.equals(root) ? "" : mode));
            }
        }
        return out;
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }
}
