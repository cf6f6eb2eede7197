package vn.lachan.app.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Tells other commands where a running platform answers: {@code DATA/run/http} holds its HTTP API's base
 * URL and process id while it runs, and is removed when it stops. A file left by a killed platform is
 * recognised by its process id and ignored.
 */
public final class Endpoint implements AutoCloseable {
    private final Path file;

    private Endpoint(Path file) {
        this.file = file;
    }

    /** Records that this process serves {@code baseUrl} for the data folder {@code data}. */
    static Endpoint publish(Path data, String baseUrl) {
        Path file = fileOf(data);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "http", ".tmp");
            Files.writeString(temp, baseUrl + "\n" + ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Endpoint(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the platform's address in " + file, e);
        }
    }

    /** Returns the base URL of the platform running on {@code data}, if one is running. */
    public static Optional<String> running(Path data) {
        Path file = fileOf(data);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
            if (lines.length < 2) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines[1].strip());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(lines[0].strip()) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path fileOf(Path data) {
        return data.resolve("run").resolve("http");
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }
}
