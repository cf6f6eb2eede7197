package vn.lachan.app.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.ingest.file.EventFiles;

/**
 * Sends event files to a running platform's HTTP ingest API as NDJSON, the way an agent ships logs: in
 * batches, waiting and retrying when the platform answers 429 (its journal is at its budget).
 */
public final class Feeder {
    private static final int BATCH = 2000;
    private static final int MAX_RETRIES = 120;

    private final HttpClient client;
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI ingest;
    private final PrintStream err;
    private final String command;
    private final String token;
    private final StringBuilder body = new StringBuilder(1 << 20);
    private int pending;
    private long sent;
    private String source = "";
    /** Whether the body being built is a JSON array (texts over several lines) rather than NDJSON. */
    private boolean asArray;

    /**
     * Creates a feeder for the platform at {@code baseUrl} (such as {@code http://127.0.0.1:8080}) that
     * presents the API {@code token} (scope {@code ingest}) and reports unreadable input on {@code err}
     * under the name of {@code command}.
     */
    public Feeder(String baseUrl, String token, String command, PrintStream err) {
        this(baseUrl, token, command, err, null);
    }

    /**
     * Creates a feeder as above that checks an HTTPS platform's certificate with {@code tls} (a context
     * trusting a private authority), or with the JDK's trusted authorities when null.
     */
    public Feeder(String baseUrl, String token, String command, PrintStream err, @Nullable SSLContext tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
        this.ingest = URI.create(baseUrl + "/api/v1/ingest?format=json&source=");
        this.token = token;
        this.command = command;
        this.err = err;
    }

    /**
     * Sends every event of the files; returns how many were accepted. Throws {@link IllegalStateException}
     * when the platform refuses a batch for another reason than a full journal, or stays full for minutes.
     */
    public long send(List<Path> paths) {
        EventFiles files = EventFiles.keepingText(p -> err.println("lachan " + command + ": " + p));
        files.readAll(paths, this::add);
        flush();
        return sent;
    }

    /**
     * Adds the event to the body being built, as its original text so that the platform stores it as it was
     * read: NDJSON lines for texts on one line (and, for an EVTX record, which has no text, its fields in
     * compact JSON), a JSON array for texts over several lines (a pretty-printed document), which the
     * platform's line splitter would cut apart (it splits at LF and takes a CR at a line's end for half a
     * CRLF) and whose elements it keeps as sent. A change of source or of form sends the body first.
     */
    private void add(SourcedEvent event) {
        String from = sourceLabel(event.source());
        String raw = event.raw();
        boolean lines = raw != null && (raw.indexOf('\n') >= 0 || raw.endsWith("\r"));
        if (!from.equals(source) || lines != asArray) {
            flush();
            source = from;
            asArray = lines;
        }
        if (asArray) {
            body.append(pending == 0 ? '[' : ',').append(raw);
        } else {
            body.append(raw != null ? raw : json.writeValueAsString(event.fields()))
                    .append('\n');
        }
        if (++pending >= BATCH) {
            flush();
        }
    }

    private static String sourceLabel(String source) {
        String name = Path.of(source.replace('!', '/')).getFileName().toString();
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private void flush() {
        if (pending == 0) {
            return;
        }
        if (asArray) {
            body.append(']');
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingest + source))
                .header("Content-Type", asArray ? "application/json" : "application/x-ndjson")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = post(request);
            if (response.statusCode() == 202) {
                break;
            }
            if (response.statusCode() != 429 || attempt >= MAX_RETRIES) {
                throw new IllegalStateException(
                        "the platform refused a batch: HTTP " + response.statusCode() + " " + response.body());
            }
            pause(response.headers()
                    .firstValue("Retry-After")
                    .map(Integer::parseInt)
                    .orElse(1));
        }
        sent += pending;
        pending = 0;
        body.setLength(0);
    }

    private HttpResponse<String> post(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the platform at " + ingest, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        }
    }

    private static void pause(int seconds) {
        try {
            Thread.sleep(Duration.ofSeconds(Math.max(1, Math.min(seconds, 10))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
