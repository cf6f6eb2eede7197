package vn.lachan.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.app.Cli;
import vn.lachan.app.security.Foundation;
import vn.lachan.core.store.PartitionInfo;
import vn.lachan.security.access.Role;
import vn.lachan.security.crypto.signing.SigningKeys;
import vn.lachan.security.token.TokenCheck;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;

/**
 * Builds a real data folder with the admin and import commands, backs it up, restores it into a new
 * folder and checks the restored platform with its real services; then refuses each bad restore.
 */
class BackupRestoreTest {
    private static final Path SAMPLES = Path.of("../samples/events");
    private static final String PASSWORD = "Một mật khẩu đủ dài 2026";

    @TempDir
    Path root;

    private Path data;
    private Path custodianPub;
    private Path custodianKey;
    private String token = "";

    private static Cli.Run ok(String stdin, String... args) {
        Cli.Run run = Cli.withInput(stdin, args);
        assertThat(run.code()).as(String.join(" ", args) + "\n" + run.all()).isZero();
        return run;
    }

    @BeforeEach
    void platformWithATokenAUserAndEvents() {
        assertThat(SAMPLES).as("the repository's samples/events folder").isDirectory();
        data = root.resolve("data");
        token = ok("", "admin", "create-token", "--data", data.toString(), "--role", "PLATFORM_ADMIN")
                .lastLine();
        ok(
                PASSWORD + "\n",
                "admin",
                "create-user",
                "--data",
                data.toString(),
                "--username",
                "nguyen.an",
                "--display-name",
                "Nguyễn Văn An",
                "--role",
                "SOC_ANALYST");
        ok("", "import", "--data", data.toString(), SAMPLES.toString());
        Cli.Run key = ok("", "backup-key", "--out", root.resolve("custodian").toString(), "--name", "tinh");
        custodianPub = root.resolve("custodian/tinh.pub");
        custodianKey = root.resolve("custodian/tinh.key");
        assertThat(key.out()).contains("recipient ");
    }

    /** Runs {@code lachan restore --from FROM --data INTO --key KEY} with the further options given. */
    private static Cli.Run restore(Path from, Path into, Path key, String... more) {
        List<String> args = new ArrayList<>(List.of("restore", "--from", from.toString(), "--data", into.toString()));
        args.addAll(List.of("--key", key.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private Cli.Run backup(Path file, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "backup", "--data", data.toString(), "--to", file.toString(), "--recipient", custodianPub.toString()));
        args.addAll(List.of(extra));
        return Cli.withInput("", args.toArray(String[]::new));
    }

    private static String signer(Cli.Run backup) {
        assertThat(backup.lastLine()).startsWith("signer ");
        return backup.lastLine().substring("signer ".length());
    }

    @Test
    void aBackupRestoresIntoAPlatformWhoseTokenUserEventsAndTrailAreIntact() throws IOException {
        assertThat(Files.getPosixFilePermissions(custodianKey))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        Path file = root.resolve("out/platform.lbk");
        Cli.Run backup = backup(file);
        assertThat(backup.code()).as(backup.all()).isZero();
        assertThat(backup.out()).contains("from a stopped platform").contains("master key: not included");
        String fingerprint = signer(backup);
        assertThat(fingerprint)
                .isEqualTo(
                        SigningKeys.fingerprint(SigningKeys.readPublic(data.resolve("keys/backup-signing.mldsa.pub"))));
        assertThat(data.resolve("run"))
                .satisfiesAnyOf(
                        run -> assertThat(run).doesNotExist(),
                        run -> assertThat(run).isEmptyDirectory());

        Path restored = root.resolve("restored");
        Path masterKey = data.resolve("keys/master-v1.key");
        Cli.Run restore = restore(
                file,
                restored,
                custodianKey,
                "--signer-fingerprint",
                fingerprint,
                "--master-key",
                masterKey.toString());
        assertThat(restore.code()).as(restore.all()).isZero();
        assertThat(restore.out())
                .contains("audit trail intact")
                .contains("the master key opens the keyring")
                .contains("events: " + storedEvents(data) + " in")
                .endsWith("restore checked: the data folder opens\n");

        try (Foundation foundation = Foundation.open(restored, null, java.util.Map.of())) {
            TokenCheck check = foundation.tokens().verify(token, "127.0.0.1");
            assertThat(check).isInstanceOf(TokenCheck.Valid.class);
            assertThat(((TokenCheck.Valid) check).principal().roles()).containsExactly(Role.PLATFORM_ADMIN);
            assertThat(foundation.users().byUsername("nguyen.an"))
                    .hasValueSatisfying(u -> assertThat(u.displayName()).isEqualTo("Nguyễn Văn An"));
        }
        Cli.Run before = ok("", "search", "--data", data.toString(), "--size", "100", "--format", "jsonl");
        Cli.Run after = ok("", "search", "--data", restored.toString(), "--size", "100", "--format", "jsonl");
        assertThat(after.out().lines().count()).isEqualTo(storedEvents(data)).isPositive();
        assertThat(after.out()).isEqualTo(before.out());
        assertThat(ok("", "audit", "verify", "--data", restored.toString()).out())
                .startsWith("intact: ");
    }

    private static long storedEvents(Path folder) {
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(folder))) {
            return store.partitions().stream().mapToLong(PartitionInfo::events).sum();
        }
    }

    @Test
    void withoutTheMasterKeyTheRestoreSaysWhatToPutBackAndWithItTheKeysOpen() throws IOException {
        Cli.Run without = backup(root.resolve("a.lbk"));
        assertThat(without.code()).as(without.all()).isZero();
        Path restored = root.resolve("a");
        Cli.Run restore = restore(
                root.resolve("a.lbk"),
                restored,
                custodianKey,
                "--signer",
                root.resolve("a.lbk.signer.pub").toString());
        assertThat(restore.code()).as(restore.all()).isZero();
        assertThat(restore.out()).contains("keys: NOT checked").contains("audit trail intact");
        try (Stream<Path> keys = Files.list(restored.resolve("keys"))) {
            assertThat(keys.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("master-"));
        }

        Cli.Run with = backup(root.resolve("b.lbk"), "--include-master-key");
        assertThat(with.code()).as(with.all()).isZero();
        assertThat(with.err()).contains("WARNING: the master key is in this backup");
        Cli.Run full =
                restore(root.resolve("b.lbk"), root.resolve("b"), custodianKey, "--signer-fingerprint", signer(with));
        assertThat(full.code()).as(full.all()).isZero();
        assertThat(full.out()).contains("the master key opens the keyring");
        assertThat(root.resolve("b/keys/master-v1.key")).hasSameBinaryContentAs(data.resolve("keys/master-v1.key"));
    }

    @Test
    void refusesAWrongRecipientATamperedFileANonEmptyTargetAndAnUntrustedSigner() throws IOException {
        Path file = root.resolve("platform.lbk");
        String fingerprint = signer(backup(file));
        ok("", "backup-key", "--out", root.resolve("other").toString());
        Path otherKey = root.resolve("other/backup-recipient.key");

        Path target = root.resolve("target");
        Cli.Run wrong = restore(file, target, otherKey, "--signer-fingerprint", fingerprint);
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("not addressed to recipient").contains("nothing written");
        assertThat(target).doesNotExist();

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Path tampered = root.resolve("tampered.lbk");
        Files.write(tampered, bytes);
        Cli.Run altered = restore(
                tampered,
                target,
                custodianKey,
                "--signer",
                file.resolveSibling("platform.lbk.signer.pub").toString());
        assertThat(altered.code()).isEqualTo(1);
        assertThat(altered.err()).contains("refused, nothing written").contains("chunk");
        assertThat(target).doesNotExist();

        Files.createDirectories(target);
        Files.writeString(target.resolve("keep-me"), "x");
        Cli.Run full = restore(file, target, custodianKey, "--signer-fingerprint", fingerprint);
        assertThat(full.code()).isEqualTo(2);
        assertThat(full.err()).contains("is not empty");
        assertThat(target.resolve("keep-me")).hasContent("x");

        Path fresh = root.resolve("fresh");
        Cli.Run otherPrint =
                restore(file, fresh, custodianKey, "--signer-fingerprint", "00112233445566778899aabbccddeeff");
        assertThat(otherPrint.code()).isEqualTo(1);
        assertThat(otherPrint.err()).contains("not the trusted 00112233445566778899aabbccddeeff");
        Path stranger = root.resolve("stranger.mldsa.pub");
        SigningKeys.writePublic(stranger, SigningKeys.generate().getPublic());
        Cli.Run otherKeyFile = restore(file, fresh, custodianKey, "--signer", stranger.toString());
        assertThat(otherKeyFile.code()).isEqualTo(1);
        assertThat(otherKeyFile.err()).contains("not among the trusted senders");
        assertThat(fresh).doesNotExist();
    }

    @Test
    void refusesToOverwriteABackupOrToReadAFolderThatIsNoPlatform() throws IOException {
        Path file = root.resolve("x.lbk");
        Files.writeString(file, "precious");
        Cli.Run exists = backup(file);
        assertThat(exists.code()).isEqualTo(2);
        assertThat(exists.err()).contains("exists already");
        assertThat(file).hasContent("precious");

        Cli.Run notPlatform = Cli.withInput(
                "",
                "backup",
                "--data",
                root.resolve("custodian").toString(),
                "--to",
                root.resolve("y.lbk").toString(),
                "--recipient",
                custodianPub.toString());
        assertThat(notPlatform.code()).isEqualTo(2);
        assertThat(notPlatform.err()).contains("is not a platform's data folder");
        assertThat(root.resolve("y.lbk")).doesNotExist();
    }
}
