package vn.lachan.web.event;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.core.store.EventStore;
import vn.lachan.core.store.ExportFormat;
import vn.lachan.core.store.ExportSummary;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.security.audit.AuditEntry;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.audit.Outcome;
import vn.lachan.security.crypto.signing.SigningKeys;
import vn.lachan.security.envelope.EnvelopeWriter;
import vn.lachan.security.envelope.RecipientPublicKey;
import vn.lachan.web.ExportEncryption;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.Caller;

/**
 * Runs one export: streams the store's result as NDJSON or CSV, or, when the request names recipients, as an
 * envelope encrypted to them (hybrid X25519 + ML-KEM-768) and signed with the platform's export key
 * (ML-DSA-65), then appends an {@code event.export} audit record: who, the query, the format, how many events,
 * and the recipients' fingerprints. An encrypted export that the store cuts short is left without its closing
 * signature, so the recipient's reader refuses it as truncated instead of taking a part for the whole.
 */
final class EventExport {
    /** The content type of an encrypted export. */
    static final String ENVELOPE_TYPE = "application/vnd.lachan.envelope";
    /** The clear-text label of an encrypted export, followed by its format. */
    static final String LABEL = "lachan-export/1";

    private static final Logger LOG = LoggerFactory.getLogger(EventExport.class);
    private static final int QUERY_IN_AUDIT = 1000;

    private final EventStore events;
    private final ExportEncryption encryption;
    private final @Nullable EnvelopeWriter writer;
    private final AuditTrail audit;

    EventExport(EventStore events, ExportEncryption encryption, AuditTrail audit) {
        this.events = events;
        this.encryption = encryption;
        this.audit = audit;
        KeyPair signer = encryption.signer();
        this.writer = signer == null ? null : new EnvelopeWriter(signer, Clock.systemUTC());
    }

    /**
     * Describes what exports can be encrypted to: the signer's public key (PEM, to hand to recipients, who trust
     * it to open exports), the registered recipients' names and fingerprints, and whether encryption is required.
     */
    Map<String, @Nullable Object> keys() {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        KeyPair signer = encryption.signer();
        out.put(
                "signer",
                signer == null
                        ? null
                        : Map.of(
                                "algorithm", "ML-DSA-65",
                                "fingerprint", SigningKeys.fingerprint(signer.getPublic()),
                                "public_key", SigningKeys.publicPem(signer.getPublic())));
        List<Map<String, String>> recipients = new ArrayList<>();
        encryption
                .recipients()
                .forEach((name, key) -> recipients.add(
                        Map.of("name", name, "algorithm", "X25519+ML-KEM-768", "fingerprint", key.fingerprint())));
        out.put("recipients", recipients);
        out.put("required", encryption.required());
        return out;
    }

    /** Returns the recipients the request names ({@code recipient}, repeatable or comma-separated), checked. */
    List<String> recipients(Context ctx) {
        Set<String> names = new LinkedHashSet<>();
        for (String param : ctx.queryParams("recipient")) {
            for (String part : param.split(",", -1)) {
                String name = part.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (!encryption.knows(name)) {
                    throw ApiProblem.invalidField("recipient", unknown(name));
                }
                names.add(name);
            }
        }
        if (names.isEmpty() && encryption.required()) {
            throw ApiProblem.invalidField(
                    "recipient",
                    "this platform exports events only encrypted to a registered recipient; name one of "
                            + encryption.recipients().keySet());
        }
        return List.copyOf(names);
    }

    private String unknown(String name) {
        return encryption.recipients().isEmpty()
                ? "no export recipient is registered on this platform (exports.recipients in its configuration),"
                        + " so '" + name + "' cannot be used"
                : "'" + name + "' is not a registered export recipient; registered: "
                        + encryption.recipients().keySet();
    }

    /**
     * Streams the export of {@code request} in {@code format} ({@code "ndjson"} or {@code "csv"}) to the response,
     * encrypted to {@code recipients} when there are any.
     *
     * @throws ApiProblem (422) when the store refuses the export before anything was sent
     */
    void run(
            Context ctx,
            SearchBody body,
            SearchRequest request,
            String format,
            ExportFormat exportFormat,
            List<String> recipients) {
        String type = format.equals("csv") ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        List<RecipientPublicKey> keys = recipients.stream()
                .map(n -> Objects.requireNonNull(encryption.recipients().get(n)))
                .toList();
        ExportBody out = keys.isEmpty()
                ? new ExportBody(ctx, type, "events." + format, Map.of())
                : new ExportBody(ctx, ENVELOPE_TYPE, "events." + format + ".lce", envelopeHeaders(keys));
        ExportSummary summary;
        try {
            OutputStream target = keys.isEmpty() ? out : sealed(out, keys, format);
            summary = events.export(request, exportFormat, target);
            boolean complete = summary.errors().isEmpty();
            if (complete && target != out) {
                target.close(); // the closing chunk and signature: only for a whole export
            }
            if (complete || out.started()) {
                out.finish();
            }
        } catch (UncheckedIOException | IOException e) {
            LOG.debug("export to {} ended early: {}", ctx.ip(), e.toString());
            record(ctx, body, format, recipients, null, "the client went away");
            return;
        }
        record(ctx, body, format, recipients, summary, null);
        if (!summary.errors().isEmpty()) {
            if (!out.started()) {
                throw EventRoutes.refused("export", summary.errors());
            }
            LOG.warn("export to {} cut short after {} events: {}", ctx.ip(), summary.events(), summary.errors());
        }
        if (!summary.warnings().isEmpty()) {
            LOG.warn("export of {} events was partial: {}", summary.events(), summary.warnings());
        }
    }

    private OutputStream sealed(ExportBody out, List<RecipientPublicKey> keys, String format) throws IOException {
        return Objects.requireNonNull(writer).open(out, keys, LABEL + " format=" + format);
    }

    private Map<String, String> envelopeHeaders(List<RecipientPublicKey> keys) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(
                "Lachan-Export-Signer",
                SigningKeys.fingerprint(
                        Objects.requireNonNull(encryption.signer()).getPublic()));
        headers.put(
                "Lachan-Export-Recipients",
                String.join(
                        ", ", keys.stream().map(RecipientPublicKey::fingerprint).toList()));
        return headers;
    }

    private void record(
            Context ctx,
            SearchBody body,
            String format,
            List<String> recipients,
            @Nullable ExportSummary summary,
            @Nullable String failure) {
        Caller caller = Caller.of(ctx);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("format", format);
        details.put("query", shortened(body.query() == null ? "*" : body.query()));
        if (body.from() != null) {
            details.put("from", body.from());
        }
        if (body.to() != null) {
            details.put("to", body.to());
        }
        details.put("recipients", recipientsText(recipients));
        Outcome outcome = Outcome.SUCCESS;
        if (summary != null) {
            details.put("events", Long.toString(summary.events()));
            if (!summary.errors().isEmpty()) {
                outcome = Outcome.FAILURE;
                details.put("error", summary.errors().getFirst().message());
            }
        }
        if (failure != null) {
            outcome = Outcome.FAILURE;
            details.put("error", failure);
        }
        audit.append(new AuditEntry(
                caller.actor(), "event.export", null, caller.principal().organization(), ctx.ip(), outcome, details));
    }

    private String recipientsText(List<String> recipients) {
        if (recipients.isEmpty()) {
            return "none (not encrypted)";
        }
        List<String> out = new ArrayList<>();
        for (String name : recipients) {
            out.add(name + " "
                    + Objects.requireNonNull(encryption.recipients().get(name)).fingerprint());
        }
        return String.join(", ", out);
    }

    private static String shortened(String query) {
        return query.length() <= QUERY_IN_AUDIT
                ? query
                : query.substring(0, QUERY_IN_AUDIT) + String.format(Locale.ROOT, "… (%,d characters)", query.length());
    }
}
