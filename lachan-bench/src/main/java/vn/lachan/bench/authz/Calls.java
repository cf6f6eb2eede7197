package vn.lachan.bench.authz;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Names the API calls the harness times: what is sent, and the key of its route in the server's timers. */
final class Calls {
    static final String INGEST_PATH = "/api/v1/ingest?format=json&source=authz-bench";
    static final String SEARCH_PATH = "/api/v1/events/search";
    static final String ME_PATH = "/api/v1/auth/me";
    static final int INGEST_EVENTS = 10;

    /**
     * One API call.
     *
     * @param name what the report calls it
     * @param route the server timers' key, {@code METHOD route}
     * @param path the path and query sent
     * @param contentType the body's type, null for a GET
     * @param body the body, null for a GET
     */
    record Call(
            String name,
            String route,
            String path,
            @Nullable String contentType,
            @Nullable String body) {
        /** Sends the call with {@code token}. */
        ApiClient.Answer send(ApiClient api, String token) {
            return contentType == null || body == null
                    ? api.get(path, token)
                    : api.post(path, token, contentType, body);
        }
    }

    private Calls() {}

    /** Returns the list of alerts' first page (10 alerts). */
    static Call alerts() {
        return new Call("GET /api/v1/alerts?size=10", "GET /api/v1/alerts", "/api/v1/alerts?size=10", null, null);
    }

    /** Returns a term query on {@code event.code}, first page of 10 events. */
    static Call search(String eventCode) {
        String body = "{\"query\":\"event.code:" + eventCode + "\",\"size\":10}";
        return new Call(
                "POST /api/v1/events/search (event.code:" + eventCode + ", size 10)",
                "POST " + SEARCH_PATH,
                SEARCH_PATH,
                "application/json",
                body);
    }

    /** Returns the sending of {@link #INGEST_EVENTS} NDJSON events taken from {@code lines}. */
    static Call ingest(List<String> lines) {
        if (lines.size() < INGEST_EVENTS) {
            throw new IllegalArgumentException("an ingest call needs " + INGEST_EVENTS + " lines, got " + lines.size());
        }
        String body = String.join("\n", lines.subList(0, INGEST_EVENTS)) + "\n";
        return new Call(
                "POST /api/v1/ingest (" + INGEST_EVENTS + " NDJSON events)",
                "POST /api/v1/ingest",
                INGEST_PATH,
                "application/x-ndjson",
                body);
    }

    /** Returns who the caller is. */
    static Call me() {
        return new Call("GET " + ME_PATH, "GET " + ME_PATH, ME_PATH, null, null);
    }
}
