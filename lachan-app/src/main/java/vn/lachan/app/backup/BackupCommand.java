package vn.lachan.app.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.lachan.app.serve.Endpoint;
import vn.lachan.security.backup.BackupArchive;
import vn.lachan.security.backup.BackupResult;
import vn.lachan.security.crypto.CryptoConfig;
import vn.lachan.security.crypto.KeyVault;
import vn.lachan.security.crypto.signing.SigningKeys;
import vn.lachan.security.envelope.EnvelopeWriter;
import vn.lachan.security.envelope.RecipientKeyFiles;
import vn.lachan.security.envelope.RecipientPublicKey;

/** Backs up a data folder, stopped or running, into one signed envelope: {@code lachan backup}. */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Back up a platform's data folder (journal, events, alerts, metadata database, keys) into one file,"
                    + " encrypted to each --recipient (X25519 + ML-KEM-768) and signed with the platform's ML-DSA-65"
                    + " backup key (DATA/keys/backup-signing, created on first use). Works on a running platform:"
                    + " the stores are copied at a consistent point while it writes.",
            "The master key is left out unless --include-master-key is given. The signer's public key is written"
                    + " beside the backup (FILE.signer.pub) and its fingerprint is the last line printed: keep it"
                    + " with the custodian, lachan restore checks it."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the data folder could not be copied consistently", "2:bad usage"})
final class BackupCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The platform's data folder.")
    private Path data = Path.of(".");

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The backup file to write (new).")
    private Path to = Path.of("lachan.backup");

    @Option(
            names = "--recipient",
            required = true,
            paramLabel = "PUBLIC_KEY_FILE",
            description = "A recipient's public key (from lachan backup-key); repeat for several custodians.")
    private List<Path> recipientFiles = new ArrayList<>();

    @Option(
            names = "--include-master-key",
            description = "Put the master key files in the backup too (then the backup alone opens every sealed"
                    + " value: guard it as the master key itself).")
    private boolean includeMasterKey;

    private final PrintStream out;
    private final PrintStream err;

    BackupCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        String problem = usageProblem();
        if (problem != null) {
            err.println("lachan backup: " + problem);
            return BackupCommands.BAD_USAGE;
        }
        List<RecipientPublicKey> recipients = new ArrayList<>();
        for (Path file : recipientFiles) {
            try {
                recipients.add(RecipientKeyFiles.readPublic(file));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                err.println("lachan backup: --recipient " + e.getMessage());
                return BackupCommands.BAD_USAGE;
            }
        }
        KeyPair signer;
        try {
            Path keys = data.resolve("keys");
            KeyVault vault = KeyVault.open(new CryptoConfig(keys), System.getenv(), Clock.systemUTC());
            signer = new SigningKeys(keys, vault).loadOrCreate(BackupCommands.SIGNING_KEY);
        } catch (RuntimeException e) {
            err.println("lachan backup: cannot open the keys of " + data + " (is LACHAN_MASTER_KEY set as for the"
                    + " platform?): " + e.getMessage());
            return BackupCommands.BAD_USAGE;
        }
        return backup(recipients, signer);
    }

    private @Nullable String usageProblem() {
        if (!Files.isRegularFile(data.resolve("keys").resolve("keyring"))) {
            return data + " is not a platform's data folder (no keys/keyring): give the folder lachan serve or"
                    + " lachan admin uses";
        }
        if (Files.exists(to)) {
            return to + " exists already; a backup never overwrites a file: give a new name";
        }
        if (to.toAbsolutePath().normalize().startsWith(data.toAbsolutePath().normalize())) {
            return "--to " + to + " is inside the data folder; write the backup elsewhere";
        }
        return null;
    }

    private int backup(List<RecipientPublicKey> recipients, KeyPair signer) throws IOException {
        boolean live = Endpoint.running(data).isPresent();
        Path stage = Staging.create(data);
        try {
            SnapshotReport snapshot;
            try {
                snapshot = new Snapshot(data, stage, live, includeMasterKey).take();
            } catch (IOException e) {
                err.println("lachan backup: " + e.getMessage());
                return BackupCommands.REFUSED;
            }
            BackupResult result = write(stage, recipients, signer);
            Path signerFile = to.resolveSibling(to.getFileName() + BackupCommands.SIGNER_SUFFIX);
            SigningKeys.writePublic(signerFile, signer.getPublic());
            report(snapshot, result, recipients, signer, signerFile);
            return BackupCommands.OK;
        } finally {
            Staging.delete(stage);
        }
    }

    /** Writes the envelope to a temporary file beside {@code to}, forces it to disk, then renames it. */
    private BackupResult write(Path stage, List<RecipientPublicKey> recipients, KeyPair signer) throws IOException {
        Path folder = to.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, "." + to.getFileName(), ".partial");
        try {
            BackupResult result;
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                OutputStream sink = new NoCloseStream(Channels.newOutputStream(channel));
                result = new BackupArchive()
                        .write(stage, sink, new EnvelopeWriter(signer, Clock.systemUTC()), recipients);
                channel.force(true);
            }
            Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void report(
            SnapshotReport snapshot,
            BackupResult result,
            List<RecipientPublicKey> recipients,
            KeyPair signer,
            Path signerFile) {
        snapshot.skipped().forEach(p -> err.println("lachan backup: left out " + p));
        result.skipped().forEach(p -> err.println("lachan backup: left out " + p));
        out.printf(
                Locale.ROOT,
                "backup %s: %,d files, %,d bytes, from a %s platform (%d Lucene indexes at their newest commit%s)%n",
                to,
                result.files(),
                result.bytes(),
                snapshot.live() ? "running" : "stopped",
                snapshot.indexes(),
                snapshot.indexRetries() == 0 ? "" : ", " + snapshot.indexRetries() + " taken again after a merge");
        out.println("recipients: "
                + String.join(
                        ", ",
                        recipients.stream().map(RecipientPublicKey::fingerprint).toList()));
        if (snapshot.metaAttempts() == 0) {
            err.println("lachan backup: " + data + " has no meta folder: a PostgreSQL metadata database is not in"
                    + " this backup; back it up with pg_dump");
        }
        if (snapshot.masterKeyIncluded()) {
            err.println("lachan backup: WARNING: the master key is in this backup; whoever opens it can read every"
                    + " sealed value: guard it as the master key itself");
        } else {
            out.println("master key: not included; the restored platform needs LACHAN_MASTER_KEY or the key file"
                    + " (keys/master-v<N>.key) put back: lachan restore --master-key FILE");
        }
        out.println("signer public key: " + signerFile);
        out.println("signer " + SigningKeys.fingerprint(signer.getPublic()));
    }
}
