package vn.lachan.app.backup;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.lachan.security.envelope.RecipientKeyFiles;
import vn.lachan.security.envelope.RecipientKeyPair;

/** Generates a backup recipient's key pair (X25519 + ML-KEM-768): {@code lachan backup-key}. */
@Command(
        name = "backup-key",
        mixinStandardHelpOptions = true,
        description = {
            "Generate a backup recipient key pair (X25519 + ML-KEM-768): NAME.pub is what lachan backup encrypts"
                    + " to (give it to the platform); NAME.key (mode 0600) opens the backups: keep it offline, with"
                    + " its custodian, never on the platform's machine."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:generated", "2:bad usage, or the files exist already"})
final class BackupKeyCommand implements Callable<Integer> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the two files in.")
    private Path folder = Path.of(".");

    @Option(
            names = "--name",
            paramLabel = "NAME",
            defaultValue = "backup-recipient",
            description = "The files' base name (default: ${DEFAULT-VALUE}).")
    private String name = "backup-recipient";

    private final PrintStream out;
    private final PrintStream err;

    BackupKeyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws java.io.IOException {
        if (!NAME.matcher(name).matches()) {
            err.println("lachan backup-key: --name is 1-64 letters, digits, '.', '_' or '-', starting with a letter"
                    + " or digit; got '" + name + "'");
            return BackupCommands.BAD_USAGE;
        }
        Path publicFile = folder.resolve(name + ".pub");
        Path privateFile = folder.resolve(name + ".key");
        if (Files.exists(publicFile) || Files.exists(privateFile)) {
            err.println("lachan backup-key: " + publicFile + " or " + privateFile
                    + " exists already; choose another --name or --out (an existing key is never overwritten)");
            return BackupCommands.BAD_USAGE;
        }
        Files.createDirectories(folder);
        RecipientKeyPair pair = RecipientKeyPair.generate();
        RecipientKeyFiles.writePrivate(privateFile, pair);
        RecipientKeyFiles.writePublic(publicFile, pair.publicKey());
        err.println("lachan backup-key: keep " + privateFile + " offline with its custodian: without it no backup"
                + " encrypted to it can be read");
        out.println("recipient " + pair.publicKey().fingerprint());
        out.println("public key  " + publicFile);
        out.println("private key " + privateFile);
        return BackupCommands.OK;
    }
}
