package vn.lachan.app.backup;

import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;

/**
 * Builds {@code lachan backup-key}, {@code lachan backup} and {@code lachan restore}: a whole data
 * folder in one envelope, encrypted to offline custodians with hybrid X25519 + ML-KEM-768 and signed
 * with the platform's ML-DSA-65 backup key; and {@code lachan envelope open}, which opens any such envelope
 * (an encrypted event export too) into a file.
 */
public final class BackupCommands {
    /** Exit code: done. */
    static final int OK = 0;
    /** Exit code: refused (a backup that does not verify, a restored folder that does not check out). */
    static final int REFUSED = 1;
    /** Exit code: bad usage, an unreadable key file, a target folder that is not empty. */
    static final int BAD_USAGE = 2;

    /** The name of the platform's backup signing key in {@code DATA/keys}. */
    static final String SIGNING_KEY = "backup-signing";

    /** The suffix of the file, beside a backup, that holds its signer's public key. */
    static final String SIGNER_SUFFIX = ".signer.pub";

    private BackupCommands() {}

    /** Returns the commands, writing results to {@code out} and diagnostics to {@code err}. */
    public static List<CommandLine> create(PrintStream out, PrintStream err) {
        return List.of(
                new CommandLine(new BackupKeyCommand(out, err)),
                new CommandLine(new BackupCommand(out, err)),
                new CommandLine(new RestoreCommand(out, err)),
                new CommandLine(new EnvelopeCommand(err))
                        .addSubcommand(new CommandLine(new EnvelopeCommand.Open(out, err))));
    }
}
