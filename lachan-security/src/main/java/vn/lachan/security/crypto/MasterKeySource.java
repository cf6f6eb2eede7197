package vn.lachan.security.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.security.crypto.internal.SecureFiles;

/**
 * Finds the master key: the {@code LACHAN_MASTER_KEY} environment variable when set, otherwise the
 * files {@code master-v<N>.key} in the keys folder (created on first start with mode 0600).
 */
final class MasterKeySource {
    static final String ENVIRONMENT_VARIABLE = "LACHAN_MASTER_KEY";
    private static final Logger LOG = LoggerFactory.getLogger(MasterKeySource.class);
    private static final Pattern FILE_NAME = Pattern.compile("master-v(\\d{1,9})\\.key");

    private final Path directory;
    private final @Nullable String environmentValue;

    MasterKeySource(Path directory, Map<String, String> environment) {
        this.directory = directory;
        String value = environment.get(ENVIRONMENT_VARIABLE);
        this.environmentValue = value == null || value.isBlank() ? null : value;
    }

    boolean fromEnvironment() {
        return environmentValue != null;
    }

    /** Returns the key of {@code version}, from the environment or its file. */
    MasterKey load(int version) {
        if (environmentValue != null) {
            return MasterKey.parse(environmentValue, version, "the environment variable " + ENVIRONMENT_VARIABLE);
        }
        Path file = file(version);
        if (!Files.isRegularFile(file)) {
            throw new SealException("master key file " + file + " (key version " + version + ") is missing; restore"
                    + " it from where it is kept, or set " + ENVIRONMENT_VARIABLE);
        }
        try {
            String exposure = SecureFiles.exposure(file);
            if (!exposure.isEmpty()) {
                throw new SealException(
                        "master key file " + file + " is " + exposure + "; run chmod 600 " + file + " and restart");
            }
            return MasterKey.parse(Files.readString(file, StandardCharsets.US_ASCII), version, "file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read master key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Generates the key of {@code version} and writes it to its file with mode 0600. */
    MasterKey create(int version, SecureRandom random) {
        if (environmentValue != null) {
            throw new IllegalStateException("the master key comes from " + ENVIRONMENT_VARIABLE
                    + ": generate the new key yourself and pass it to the rotation");
        }
        Path file = file(version);
        if (Files.exists(file)) {
            throw new IllegalStateException("master key file " + file + " already exists; it is never overwritten");
        }
        MasterKey key = MasterKey.generate(version, random);
        SecureFiles.writeAtomically(file, (key.export() + "\n").getBytes(StandardCharsets.US_ASCII), true);
        LOG.info("Created master key file {} (key version {}); keep a copy apart from the data", file, version);
        return key;
    }

    /** Returns the highest version among the master key files present, 0 when there is none. */
    int highestFileVersion() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int highest = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "master-v*.key")) {
            for (Path file : files) {
                Matcher matcher = FILE_NAME.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list keys folder " + directory + ": " + e.getMessage(), e);
        }
        return highest;
    }

    Path file(int version) {
        return directory.resolve("master-v" + version + ".key");
    }
}
