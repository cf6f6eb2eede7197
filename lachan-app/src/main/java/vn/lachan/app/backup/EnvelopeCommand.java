package vn.lachan.app.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.lachan.security.crypto.SealException;
import vn.lachan.security.crypto.signing.SigningKeys;
import vn.lachan.security.envelope.EnvelopeException;
import vn.lachan.security.envelope.EnvelopeReader;
import vn.lachan.security.envelope.OpenedEnvelope;
import vn.lachan.security.envelope.RecipientKeyFiles;
import vn.lachan.security.envelope.RecipientKeyPair;

/**
 * Opens an envelope (an encrypted event export, or any other): {@code lachan envelope open}. The content is
 * written to a temporary file beside the output and renamed only once the whole envelope has verified, so a
 * refused envelope leaves nothing behind.
 */
@Command(
        name = "envelope",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "open",
        description = "Read envelopes: files encrypted to a recipient and signed (encrypted event exports).")
final class EnvelopeCommand implements Runnable {
    private final PrintStream err;

    EnvelopeCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public void run() {
        err.println("lachan envelope: give a subcommand: open (see lachan envelope --help)");
    }

    /** {@code lachan envelope open --key KEY --trust SIGNER.pub IN OUT}. */
    @Command(
            name = "open",
            mixinStandardHelpOptions = true,
            description = {
                "Decrypt IN with a recipient's private key into OUT, after checking that a trusted key signed it: the"
                        + " header, every chunk and the closing signature. OUT is written only when all of it"
                        + " verifies (a truncated, altered or untrusted envelope leaves no file)."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:opened",
                "1:refused (not signed by a trusted key, not for this recipient key, altered, truncated)",
                "2:bad usage, an unreadable key file, OUT exists"
            })
    static final class Open implements Callable<Integer> {
        @Option(
                names = "--key",
                required = true,
                paramLabel = "KEY_FILE",
                description = "The recipient's private key file (NAME.key from lachan backup-key).")
        private Path keyFile = Path.of("");

        @Option(
                names = "--trust",
                required = true,
                paramLabel = "SIGNER.pub",
                description = "A signer's ML-DSA-65 public key to trust (repeatable): for an export, the platform's"
                        + " export-signing.mldsa.pub (DATA/keys, or GET /api/v1/events/export/keys).")
        private List<Path> trusted = new ArrayList<>();

        @Parameters(index = "0", paramLabel = "IN", description = "The envelope.")
        private Path in = Path.of("");

        @Parameters(index = "1", paramLabel = "OUT", description = "Where the content goes (a new file).")
        private Path out = Path.of("");

        private final PrintStream stdout;
        private final PrintStream err;

        Open(PrintStream stdout, PrintStream err) {
            this.stdout = stdout;
            this.err = err;
        }

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(in)) {
                err.println("lachan envelope open: no file " + in);
                return BackupCommands.BAD_USAGE;
            }
            if (Files.exists(out)) {
                err.println("lachan envelope open: " + out + " exists already; give a new name (nothing is"
                        + " overwritten)");
                return BackupCommands.BAD_USAGE;
            }
            EnvelopeReader reader;
            try {
                RecipientKeyPair key = RecipientKeyFiles.readPrivate(keyFile);
                List<PublicKey> signers = new ArrayList<>();
                for (Path file : trusted) {
                    signers.add(SigningKeys.readPublic(file));
                }
                reader = new EnvelopeReader(key, signers);
            } catch (IllegalArgumentException | UncheckedIOException | SealException e) {
                err.println("lachan envelope open: " + e.getMessage());
                return BackupCommands.BAD_USAGE;
            }
            return open(reader);
        }

        private int open(EnvelopeReader reader) throws IOException {
            Path folder = out.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, "." + out.getFileName(), ".partial");
            try {
                OpenedEnvelope opened;
                long bytes;
                try (InputStream source = Files.newInputStream(in);
                        FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                    opened = reader.open(source, in.toString());
                    OutputStream sink = Channels.newOutputStream(channel);
                    try (InputStream content = opened.content()) {
                        bytes = content.transferTo(sink);
                    }
                    channel.force(true);
                } catch (EnvelopeException e) {
                    err.println("lachan envelope open: refused, nothing written: " + e.problem());
                    return BackupCommands.REFUSED;
                }
                Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
                stdout.printf(
                        Locale.ROOT,
                        "opened %s: \"%s\", written %s by %s; %,d bytes → %s%n",
                        in,
                        opened.header().label(),
                        opened.header().created(),
                        opened.header().senderFingerprint(),
                        bytes,
                        out);
                return BackupCommands.OK;
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
