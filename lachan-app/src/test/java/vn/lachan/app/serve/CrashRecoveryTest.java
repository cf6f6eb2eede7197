package vn.lachan.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills {@code lachan serve} with SIGKILL while events are being sent, restarts it on the same data and
 * checks that every acknowledged event is stored exactly once and that no alert is counted twice.
 */
class CrashRecoveryTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 200;

    @TempDir
    Path dir;

    private static String batch(int number) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < BATCH; i++) {
            int seq = number * BATCH + i;
            body.append(JSON.writeValueAsString(Map.of(
                            "@timestamp",
                            Instant.now().toString(),
                            "EventID",
                            1,
                            "Channel",
                            "Microsoft-Windows-Sysmon/Operational",
                            "Hostname",
                            "ws-" + number + ".so-ttt.gov.vn",
                            "Image",
                            "C:\\Windows\\System32\\whoami.exe",
                            "CommandLine",
                            "whoami.exe /all",
                            "seq",
                            seq)))
                    .append('\n');
        }
        return body.toString();
    }

    @Test
    void afterKillNineEveryAcknowledgedEventIsStoredOnceAndNoAlertCountsTwice() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.copy(Path.of("../samples/rules/proc_creation_whoami_all.yml"), rules.resolve("whoami.yml"));
        Path data = dir.resolve("data");
        Set<Integer> acknowledged = new HashSet<>();
        AtomicInteger batches = new AtomicInteger();

        ServeProcess first = ServeProcess.start(data, rules, dir.resolve("first.log"));
        Thread sender = Thread.ofPlatform().start(() -> {
            for (int n = 0; ; n++) {
                try {
                    HttpResponse<String> r = first.post("/api/v1/ingest?format=json", "application/x-ndjson", batch(n));
                    if (r.statusCode() == 202) {
                        synchronized (acknowledged) {
                            for (int i = 0; i < BATCH; i++) {
                                acknowledged.add(n * BATCH + i);
                            }
                        }
                        batches.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    return; // the server is gone
                }
            }
        });
        while (batches.get() < 25) {
            Thread.sleep(5);
        }
        first.process.destroyForcibly(); // SIGKILL, mid-stream
        first.process.waitFor();
        sender.join();

        try (ServeProcess second = ServeProcess.start(data, rules, dir.resolve("second.log"))) {
            awaitCaughtUp(second);
            Map<Integer, Integer> stored = storedSeqs(second);
            synchronized (acknowledged) {
                assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(25 * BATCH);
                assertThat(stored.keySet()).containsAll(acknowledged);
            }
            assertThat(stored.values()).as("times each event is stored").allMatch(n -> n == 1);
            JsonNode alerts =
                    JSON.readTree(second.get("/api/v1/alerts?size=1000").body());
            long counted = 0;
            Set<String> hosts = new HashSet<>();
            for (JsonNode alert : alerts.get("items")) {
                counted += alert.get("count").asLong();
                assertThat(hosts.add(alert.get("entities").get("host.name").asString()))
                        .as("one alert per host")
                        .isTrue();
            }
            // every stored event fires the rule once: the alert counts add up to the events, no more
            assertThat(counted).isEqualTo(stored.size());
        }
    }

    private static void awaitCaughtUp(ServeProcess serve) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode health = JSON.readTree(serve.get("/api/v1/health").body());
            JsonNode journal = health.get("components").get("journal").get("details");
            if (journal.get("committed").asString().equals(journal.get("end").asString())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the restarted platform did not catch up within 2 minutes");
    }

    private static Map<Integer, Integer> storedSeqs(ServeProcess serve) {
        HttpResponse<String> export =
                serve.post("/api/v1/events/export?format=ndjson", "application/json", "{\"query\": \"*\"}");
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        Map<Integer, Integer> seen = new HashMap<>();
        for (String line : export.body().split("\n")) {
            if (!line.isBlank()) {
                seen.merge(JSON.readTree(line).get("seq").asInt(), 1, Integer::sum);
            }
        }
        return seen;
    }
}
