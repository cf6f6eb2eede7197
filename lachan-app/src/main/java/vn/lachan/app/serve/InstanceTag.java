package vn.lachan.app.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Keeps the 16-bit tag of this platform's journal in {@code DATA/instance-tag}: drawn once at the first
 * start, read back afterwards, so that event ids stay the same across restarts and replays.
 */
final class InstanceTag {
    private InstanceTag() {}

    static int of(Path data) {
        Path file = data.resolve("instance-tag");
        try {
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
                try {
                    return Integer.parseInt(text) & 0xFFFF;
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(file + " is damaged: '" + text + "' is not a number", e);
                }
            }
            Files.createDirectories(data);
            int tag = new SecureRandom().nextInt(1 << 16);
            Path temp = Files.createTempFile(data, "instance-tag", ".tmp");
            Files.writeString(temp, Integer.toString(tag), StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return tag;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the instance tag in " + file, e);
        }
    }
}
