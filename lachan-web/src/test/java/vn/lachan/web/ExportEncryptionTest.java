package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lachan.web.Problems.assertProblem;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.security.audit.AuditRecord;
import vn.lachan.security.audit.Outcome;
import vn.lachan.security.crypto.signing.SigningKeys;
import vn.lachan.security.envelope.EnvelopeException;
import vn.lachan.security.envelope.EnvelopeReader;
import vn.lachan.security.envelope.OpenedEnvelope;
import vn.lachan.security.envelope.RecipientKeyPair;

class ExportEncryptionTest {
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final RecipientKeyPair NATIONAL = RecipientKeyPair.generate();
    static final RecipientKeyPair ARCHIVE = RecipientKeyPair.generate();
    static final KeyPair SIGNER = SigningKeys.generate();

    @TempDir
    Path dir;

    @Nullable
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TestServer start(boolean required, int events) {
        Map<String, vn.lachan.security.envelope.RecipientPublicKey> recipients = new LinkedHashMap<>();
        recipients.put("national-soc", NATIONAL.publicKey());
        recipients.put("archive", ARCHIVE.publicKey());
        TestServer s = new TestServer(dir, new ExportEncryption(SIGNER, recipients, required));
        server = s;
        write(s, events);
        return s;
    }

    private static void write(TestServer s, int count) {
        Random random = new Random(7);
        List<StoredEvent> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant time = T0.plusSeconds(60L * i);
            Map<String, @Nullable Object> fields = new LinkedHashMap<>();
            fields.put("@timestamp", time.toString());
            fields.put("host.name", "WS-" + (i % 7));
            fields.put("message", "đăng nhập thất bại cho người dùng " + i + " từ 10.0.0." + (i % 250));
            String raw = TestServer.JSON.writeValueAsString(fields);
            batch.add(new StoredEvent(EventId.next(time, random), time, "so-tttt", "portal", fields, raw));
        }
        s.events.write(new EventBatch(batch, batch.size()));
    }

    private static HttpResponse<byte[]> export(TestServer s, String query) throws Exception {
        return s.http.send(
                s.request("/api/v1/events/export" + query)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"*\"}"))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static OpenedEnvelope open(RecipientKeyPair key, byte[] body) throws Exception {
        return new EnvelopeReader(key, List.of(SIGNER.getPublic())).open(new ByteArrayInputStream(body), "export");
    }

    private static byte[] content(OpenedEnvelope opened) throws Exception {
        try (InputStream in = opened.content()) {
            return in.readAllBytes();
        }
    }

    @Test
    void anEncryptedExportOpensForItsRecipientToTheSameBytesAsThePlainExport() throws Exception {
        TestServer s = start(false, 3000);
        HttpResponse<byte[]> plain = export(s, "?format=ndjson");
        HttpResponse<byte[]> sealed = export(s, "?format=ndjson&recipient=national-soc");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(sealed.statusCode())
                .as(new String(sealed.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(plain.body().length).as("more than one 64 KiB chunk").isGreaterThan(3 * 64 * 1024);
        assertThat(sealed.headers().firstValue("Content-Type")).hasValue("application/vnd.lachan.envelope");
        assertThat(sealed.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("events.ndjson.lce");
        assertThat(sealed.headers().firstValue("Lachan-Export-Signer"))
                .hasValue(SigningKeys.fingerprint(SIGNER.getPublic()));
        assertThat(sealed.headers().firstValue("Lachan-Export-Recipients"))
                .hasValue(NATIONAL.publicKey().fingerprint());
        String text = new String(plain.body(), StandardCharsets.UTF_8);
        assertThat(new String(sealed.body(), StandardCharsets.ISO_8859_1)).doesNotContain("WS-1");

        OpenedEnvelope opened = open(NATIONAL, sealed.body());
        assertThat(opened.header().label()).isEqualTo("lachan-export/1 format=ndjson");
        assertThat(opened.header().senderFingerprint()).isEqualTo(SigningKeys.fingerprint(SIGNER.getPublic()));
        assertThat(new String(content(opened), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(text.lines().count()).isEqualTo(3000);
    }

    @Test
    void onlyTheNamedRecipientsCanOpenItAndEveryNamedOneCan() throws Exception {
        TestServer s = start(false, 50);
        byte[] forNational = export(s, "?recipient=national-soc").body();
        byte[] forBoth = export(s, "?format=csv&recipient=national-soc,archive").body();

        assertThatThrownBy(() -> content(open(ARCHIVE, forNational)))
                .isInstanceOfSatisfying(
                        EnvelopeException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.WRONG_RECIPIENT));
        String csvForNational = new String(content(open(NATIONAL, forBoth)), StandardCharsets.UTF_8);
        String csvForArchive = new String(content(open(ARCHIVE, forBoth)), StandardCharsets.UTF_8);
        assertThat(csvForArchive).isEqualTo(csvForNational).startsWith("@timestamp,_id,message");
        assertThat(csvForNational.lines().count()).isEqualTo(51);
    }

    @Test
    void anAlteredByteOrACutEnvelopeIsRefusedByTheReader() throws Exception {
        TestServer s = start(false, 500);
        byte[] sealed = export(s, "?recipient=archive").body();
        byte[] altered = sealed.clone();
        altered[altered.length / 2] ^= 1;
        byte[] cut = java.util.Arrays.copyOf(sealed, sealed.length - 100);

        assertThatThrownBy(() -> content(open(ARCHIVE, altered))).isInstanceOf(EnvelopeException.class);
        assertThatThrownBy(() -> content(open(ARCHIVE, cut)))
                .isInstanceOfSatisfying(
                        EnvelopeException.class,
                        e -> assertThat(e.reason())
                                .isIn(EnvelopeException.Reason.TRUNCATED, EnvelopeException.Reason.TAMPERED_CHUNK));
        KeyPair stranger = SigningKeys.generate();
        assertThatThrownBy(() -> new EnvelopeReader(ARCHIVE, List.of(stranger.getPublic()))
                        .open(new ByteArrayInputStream(sealed), "export"))
                .isInstanceOfSatisfying(
                        EnvelopeException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.UNKNOWN_SIGNER));
    }

    @Test
    void anUnknownRecipientIsABadRequestNamingTheRegisteredOnes() throws Exception {
        TestServer s = start(false, 5);
        HttpResponse<String> response =
                s.post("/api/v1/events/export?recipient=national-soc&recipient=mallory", "application/json", "{}");

        assertProblem(response, 400);
        assertThat(response.body()).contains("recipient", "mallory", "national-soc", "archive");
    }

    @Test
    void withoutRegisteredRecipientsARecipientCannotBeNamed() throws Exception {
        TestServer s = new TestServer(dir);
        server = s;
        HttpResponse<String> response =
                s.post("/api/v1/events/export?recipient=national-soc", "application/json", "{}");

        assertProblem(response, 400);
        assertThat(response.body()).contains("no export recipient is registered");
    }

    @Test
    void whenEncryptionIsRequiredAPlainExportIsRefusedAndAnEncryptedOneServed() throws Exception {
        TestServer s = start(true, 5);
        HttpResponse<String> plain = s.post("/api/v1/events/export", "application/json", "{}");

        assertProblem(plain, 400);
        assertThat(plain.body()).contains("only encrypted");
        assertThat(export(s, "?recipient=archive").statusCode()).isEqualTo(200);
    }

    @Test
    void everyExportIsAuditedWithItsQueryCountAndRecipients() throws Exception {
        TestServer s = start(false, 40);
        export(s, "?recipient=national-soc,archive");
        s.post("/api/v1/events/export?format=csv", "application/json", "{\"query\": \"host.name:WS-3\"}");

        List<AuditRecord> exports = new ArrayList<>();
        for (AuditRecord r : s.security.auditStore.range(1, 10_000)) {
            if (r.action().equals("event.export")) {
                exports.add(r);
            }
        }
        assertThat(exports).hasSize(2);
        AuditRecord sealed = exports.get(0);
        assertThat(sealed.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(sealed.details())
                .containsEntry("format", "ndjson")
                .containsEntry("query", "*")
                .containsEntry("events", "40")
                .containsEntry(
                        "recipients",
                        "national-soc " + NATIONAL.publicKey().fingerprint() + ", archive "
                                + ARCHIVE.publicKey().fingerprint());
        AuditRecord plain = exports.get(1);
        assertThat(plain.details())
                .containsEntry("format", "csv")
                .containsEntry("query", "host.name:WS-3")
                .containsEntry("events", Long.toString(40 / 7 + (3 < 40 % 7 ? 1 : 0)))
                .containsEntry("recipients", "none (not encrypted)");
    }

    @Test
    void theKeysRouteHandsOutTheSignersPublicKeyAndTheRecipients() throws Exception {
        TestServer s = start(true, 0);
        HttpResponse<String> response = s.get("/api/v1/events/export/keys");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = TestServer.json(response);
        Path pem = dir.resolve("signer.pub");
        Files.writeString(pem, body.get("signer").get("public_key").asString());
        assertThat(SigningKeys.readPublic(pem)).isEqualTo(SIGNER.getPublic());
        assertThat(body.get("signer").get("fingerprint").asString())
                .isEqualTo(SigningKeys.fingerprint(SIGNER.getPublic()));
        assertThat(body.get("recipients").get(1).get("name").asString()).isEqualTo("archive");
        assertThat(body.get("recipients").get(1).get("fingerprint").asString())
                .isEqualTo(ARCHIVE.publicKey().fingerprint());
        assertThat(body.get("required").asBoolean()).isTrue();
    }
}
