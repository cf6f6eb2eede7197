package vn.lachan.app.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.lachan.security.backup.BackupArchive;
import vn.lachan.security.backup.RestoreResult;
import vn.lachan.security.crypto.SealException;
import vn.lachan.security.crypto.signing.SigningKeys;
import vn.lachan.security.envelope.EnvelopeException;
import vn.lachan.security.envelope.EnvelopeReader;
import vn.lachan.security.envelope.OpenedEnvelope;
import vn.lachan.security.envelope.RecipientKeyFiles;
import vn.lachan.security.envelope.RecipientKeyPair;

/**
 * Restores a backup into a new data folder: {@code lachan restore}. The whole file is verified first
 * (signer, recipient, every chunk, the closing signature) and only then written, into an empty or
 * absent folder; the result is checked to open.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Restore a backup written by lachan backup into an empty or new data folder. The file is verified in"
                    + " full (trusted signer, recipient key, every chunk, the closing ML-DSA-65 signature) before"
                    + " anything is written; then the restored folder is checked: keys, metadata database and audit"
                    + " trail (as lachan audit verify), event store (as lachan store verify).",
            "Trust the signer by its public key file (--signer) or by its fingerprint (--signer-fingerprint, the last"
                    + " line lachan backup printed; the key is then read from FILE.signer.pub beside the backup)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:restored and checked",
            "1:refused (not signed by the trusted key, not for this recipient key, altered, truncated) or the"
                    + " restored folder does not check out",
            "2:bad usage: unreadable key file, a target folder that is not empty"
        })
final class RestoreCommand implements Callable<Integer> {
    private static final Pattern MASTER_KEY = Pattern.compile("master-v\\d{1,9}\\.key");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{32}");

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup file.")
    private Path from = Path.of("lachan.backup");

    @Option(names = "--data", required = true, paramLabel = "NEWDIR", description = "An empty or absent folder.")
    private Path data = Path.of(".");

    @Option(
            names = "--key",
            required = true,
            paramLabel = "PRIVATE_KEY_FILE",
            description = "The recipient's private key (from lachan backup-key).")
    private Path keyFile = Path.of(".");

    @Option(names = "--signer", paramLabel = "PUBLIC_KEY_FILE", description = "The trusted signer's public key.")
    private @Nullable Path signerFile;

    @Option(
            names = "--signer-fingerprint",
            paramLabel = "HEX",
            description = "The trusted signer's fingerprint (32 hex digits).")
    private @Nullable String signerFingerprint;

    @Option(
            names = "--master-key",
            paramLabel = "FILE",
            description = "A master key file (master-v<N>.key) to put in NEWDIR/keys, when the backup left it out.")
    private @Nullable Path masterKey;

    private final PrintStream out;
    private final PrintStream err;

    RestoreCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        String problem = targetProblem();
        if (problem == null) {
            problem = inputProblem();
        }
        if (problem != null) {
            err.println("lachan restore: " + problem);
            return BackupCommands.BAD_USAGE;
        }
        RecipientKeyPair recipient;
        PublicKey signer;
        try {
            recipient = RecipientKeyFiles.readPrivate(keyFile);
            signer = signer();
        } catch (IllegalArgumentException | UncheckedIOException | SealException e) {
            err.println("lachan restore: " + e.getMessage());
            return BackupCommands.BAD_USAGE;
        } catch (UntrustedSigner e) {
            err.println("lachan restore: refused: " + e.getMessage());
            return BackupCommands.REFUSED;
        }
        EnvelopeReader reader = new EnvelopeReader(recipient, List.of(signer));
        return verify(reader) ? restore(reader) : BackupCommands.REFUSED;
    }

    private @Nullable String targetProblem() throws IOException {
        if (!Files.exists(data, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
            return data + " is not a folder; restore into an empty or new folder";
        }
        try (Stream<Path> children = Files.list(data)) {
            return children.findAny().isPresent()
                    ? data + " is not empty; restore into an empty or new folder (a restore never overwrites)"
                    : null;
        }
    }

    private @Nullable String inputProblem() {
        if (!Files.isRegularFile(from)) {
            return "no backup file " + from;
        }
        if (signerFile == null && signerFingerprint == null) {
            return "say whom to trust: --signer PUBLIC_KEY_FILE or --signer-fingerprint HEX (printed by lachan backup)";
        }
        if (signerFingerprint != null && !FINGERPRINT.matcher(signerFingerprint).matches()) {
            return "--signer-fingerprint takes 32 hex digits, got '" + signerFingerprint + "'";
        }
        if (masterKey != null
                && (!Files.isRegularFile(masterKey)
                        || !MASTER_KEY
                                .matcher(masterKey.getFileName().toString())
                                .matches())) {
            return "--master-key takes a master key file named master-v<N>.key, got " + masterKey;
        }
        return null;
    }

    /** Reads the trusted signer's key; a key whose fingerprint differs from the one given is refused. */
    private PublicKey signer() throws UntrustedSigner {
        Path file = signerFile != null
                ? signerFile
                : from.resolveSibling(from.getFileName() + BackupCommands.SIGNER_SUFFIX);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no signer public key " + file + "; give it with --signer");
        }
        PublicKey key = SigningKeys.readPublic(file);
        String actual = SigningKeys.fingerprint(key);
        if (signerFingerprint != null && !actual.equalsIgnoreCase(signerFingerprint)) {
            throw new UntrustedSigner("the signer key " + file + " has fingerprint " + actual + ", not the trusted "
                    + signerFingerprint.toLowerCase(Locale.ROOT));
        }
        return key;
    }

    /** Reads the whole envelope once without writing anything: signer, recipient, chunks, closing signature. */
    private boolean verify(EnvelopeReader reader) throws IOException {
        try (InputStream in = Files.newInputStream(from)) {
            OpenedEnvelope opened = reader.open(in, from.toString());
            try (InputStream content = opened.content()) {
                content.transferTo(OutputStream.nullOutputStream());
            }
            err.println("lachan restore: " + from + " verified: signed by "
                    + opened.header().senderFingerprint() + " on "
                    + opened.header().created());
            return true;
        } catch (EnvelopeException e) {
            err.println("lachan restore: refused, nothing written: " + e.problem());
            return false;
        }
    }

    private int restore(EnvelopeReader reader) throws IOException {
        RestoreResult result;
        try (InputStream in = Files.newInputStream(from)) {
            result = new BackupArchive().restore(in, from.toString(), reader, data);
        }
        if (!result.restored()) {
            result.problems().forEach(p -> err.println("lachan restore: refused, nothing kept: " + p));
            return BackupCommands.REFUSED;
        }
        out.printf(Locale.ROOT, "restored %,d files (%,d bytes) into %s%n", result.files(), result.bytes(), data);
        if (masterKey != null) {
            Path keys = data.resolve("keys");
            Files.createDirectories(keys);
            Path target = keys.resolve(masterKey.getFileName().toString());
            Files.copy(masterKey, target);
            if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(
                        target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            out.println("master key: " + target + " put in place");
        }
        RestoreCheck.Summary summary = new RestoreCheck(data, System.getenv()).run();
        summary.lines().forEach(out::println);
        summary.problems().forEach(p -> err.println("lachan restore: " + p));
        out.println(summary.problems().isEmpty() ? "restore checked: the data folder opens" : "restore NOT clean");
        return summary.problems().isEmpty() ? BackupCommands.OK : BackupCommands.REFUSED;
    }

    /** The signer key given does not have the trusted fingerprint. */
    private static final class UntrustedSigner extends Exception {
        private static final long serialVersionUID = 1L;

        UntrustedSigner(String message) {
            super(message);
        }
    }
}
