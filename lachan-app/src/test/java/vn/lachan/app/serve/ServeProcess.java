package vn.lachan.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lachan.app.Cli;

/** Runs {@code lachan serve} in a child JVM, as an operator would, and talks to it over HTTP. */
final class ServeProcess implements AutoCloseable {
    private static final Pattern HTTP = Pattern.compile("HTTP API\\s+http://127\\.0\\.0\\.1:(\\d+)/");

    final Process process;
    final String base;
    private final String token;
    private final HttpClient client = HttpClient.newHttpClient();

    private ServeProcess(Process process, int port, String token) {
        this.process = process;
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** Issues an administrator's API token in the (stopped) platform's data folder, as an operator would. */
    private static String adminToken(Path data) {
        Cli.Run run = Cli.run("admin", "create-token", "--data", data.toString(), "--role", "PLATFORM_ADMIN");
        assertThat(run.code()).as(run.err()).isZero();
        return run.lastLine();
    }

    static ServeProcess start(Path data, Path rules, Path log) throws Exception {
        return start(data, rules, log, List.of());
    }

    /** Starts {@code lachan serve} with more arguments, e.g. {@code --config FILE}. */
    static ServeProcess start(Path data, Path rules, Path log, List<String> more) throws Exception {
        String token = adminToken(data);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                "vn.lachan.app.Main",
                "serve",
                "--data",
                data.toString(),
                "--http",
                "127.0.0.1:0",
                "--syslog",
                "127.0.0.1:0",
                "--rules",
                rules.toString()));
        command.addAll(more);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = HTTP.matcher(Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "");
            if (m.find()) {
                return new ServeProcess(process, Integer.parseInt(m.group(1)), token);
            }
            assertThat(process.isAlive())
                    .as("lachan serve exited early:%n%s", Files.readString(log))
                    .isTrue();
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("lachan serve did not start within 60 s:\n" + Files.readString(log));
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    /** Posts {@code body} and writes the response body to {@code file}. */
    HttpResponse<Path> postToFile(String path, String contentType, String body, Path file) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofFile(file));
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the platform with SIGTERM (a clean shutdown) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
