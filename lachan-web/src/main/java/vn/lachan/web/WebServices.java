package vn.lachan.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import java.util.function.Supplier;
import vn.lachan.core.alert.AlertStore;
import vn.lachan.core.intake.Intake;
import vn.lachan.core.store.EventStore;

/**
 * Holds the ports the HTTP server serves; the server never closes them.
 *
 * @param intake where ingested records go
 * @param events the event store searched and exported
 * @param alerts the alert store listed and streamed
 * @param health tells the platform's health when asked (called on request threads, must be quick)
 * @param metrics the registry scraped by {@code GET /metrics}; the server also records its request timings
 *     there
 * @param security checks who calls and what it may do, on every route
 * @param exports to whom event exports may be encrypted, and whether they must be
 */
public record WebServices(
        Intake intake,
        EventStore events,
        AlertStore alerts,
        Supplier<Health> health,
        PrometheusMeterRegistry metrics,
        WebSecurity security,
        ExportEncryption exports) {
    public WebServices {
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(exports, "exports");
    }

    /** Creates the services with plain exports only ({@link ExportEncryption#none()}). */
    public WebServices(
            Intake intake,
            EventStore events,
            AlertStore alerts,
            Supplier<Health> health,
            PrometheusMeterRegistry metrics,
            WebSecurity security) {
        this(intake, events, alerts, health, metrics, security, ExportEncryption.none());
    }
}
