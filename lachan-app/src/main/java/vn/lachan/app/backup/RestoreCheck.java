package vn.lachan.app.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.lachan.core.problem.Problem;
import vn.lachan.core.store.PartitionInfo;
import vn.lachan.core.store.VerifyReport;
import vn.lachan.meta.MetaConfig;
import vn.lachan.meta.MetaDatabase;
import vn.lachan.meta.audit.JdbcAuditStore;
import vn.lachan.security.audit.AuditReport;
import vn.lachan.security.audit.AuditVerifier;
import vn.lachan.security.crypto.CryptoConfig;
import vn.lachan.security.crypto.KeyVault;
import vn.lachan.security.crypto.signing.SigningKeys;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;

/**
 * Checks that a restored data folder opens: the master key opens the keyring and the audit trail's
 * sealed signing key, the metadata database opens and its audit trail verifies ({@code lachan audit
 * verify}), the event store opens and its sealed partitions verify ({@code lachan store verify}).
 * Collects one line per check and every problem found. Not thread-safe.
 */
final class RestoreCheck {
    private static final String AUDIT_KEY = "audit-signing";

    /**
     * What the checks found.
     *
     * @param lines one line per check, for people
     * @param problems what does not check out; empty when the folder opens
     */
    record Summary(List<String> lines, List<Problem> problems) {
        Summary {
            lines = List.copyOf(lines);
            problems = List.copyOf(problems);
        }
    }

    private final Path data;
    private final Map<String, String> environment;
    private final List<String> lines = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    RestoreCheck(Path data, Map<String, String> environment) {
        this.data = data;
        this.environment = environment;
    }

    Summary run() {
        keys();
        audit();
        events();
        return new Summary(lines, problems);
    }

    private void keys() {
        Path keys = data.resolve("keys");
        if (!masterKeyAvailable(keys)) {
            lines.add("keys: NOT checked: no master key in keys/ and LACHAN_MASTER_KEY is not set; put the key file"
                    + " back in " + keys + " (or set LACHAN_MASTER_KEY) before starting the platform");
            return;
        }
        try {
            KeyVault vault = KeyVault.open(new CryptoConfig(keys), environment, Clock.systemUTC());
            boolean audit = new SigningKeys(keys, vault).load(AUDIT_KEY).isPresent();
            lines.add("keys: the master key opens the keyring (master key v"
                    + vault.status().masterKeyVersion() + ")" + (audit ? " and the audit signing key" : ""));
        } catch (RuntimeException e) {
            problems.add(new Problem(keys.toString(), "", "the keys do not open: " + e.getMessage()));
        }
    }

    private void audit() {
        Path meta = data.resolve("meta");
        if (!Files.isDirectory(meta)) {
            lines.add("metadata: no meta folder (a PostgreSQL metadata database is restored with pg_restore)");
            return;
        }
        Path publicKey = data.resolve("keys").resolve(AUDIT_KEY + ".mldsa.pub");
        try (MetaDatabase database = MetaDatabase.open(MetaConfig.embedded(data))) {
            String schema = "metadata: the database opens at schema version " + database.schemaVersion();
            if (!Files.isRegularFile(publicKey)) {
                lines.add(schema + "; no audit signing key yet, so no trail to verify");
                return;
            }
            AuditReport report =
                    new AuditVerifier(new JdbcAuditStore(database), SigningKeys.readPublic(publicKey)).verify();
            lines.add(String.format(
                    Locale.ROOT,
                    "%s; audit trail %s: %,d records, %d signed checkpoints",
                    schema,
                    report.intact() ? "intact" : "NOT intact",
                    report.records(),
                    report.checkpoints()));
            report.findings().forEach(f -> problems.add(new Problem(meta.toString(), "audit trail", f.toString())));
        } catch (RuntimeException e) {
            problems.add(new Problem(meta.toString(), "", "the metadata database does not open: " + e.getMessage()));
        }
    }

    private void events() {
        if (!Files.isDirectory(data.resolve("events"))) {
            lines.add("events: none in this backup");
            return;
        }
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(data))) {
            problems.addAll(store.openProblems());
            VerifyReport report = store.verify();
            List<PartitionInfo> partitions = store.partitions();
            long events = partitions.stream().mapToLong(PartitionInfo::events).sum();
            long sealed = partitions.stream().filter(PartitionInfo::sealed).count();
            lines.add(String.format(
                    Locale.ROOT,
                    "events: %,d in %d partitions (%d sealed, %s)",
                    events,
                    partitions.size(),
                    sealed,
                    report.intact() ? "intact" : "TAMPERING FOUND"));
            for (VerifyReport.PartitionCheck check : report.partitions()) {
                problems.addAll(check.findings());
            }
        } catch (RuntimeException e) {
            problems.add(new Problem(data.resolve("events").toString(), "", "the event store does not open: " + e));
        }
    }

    private boolean masterKeyAvailable(Path keys) {
        String fromEnvironment = environment.get("LACHAN_MASTER_KEY");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return true;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(keys, "master-v*.key")) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + keys, e);
        }
    }
}
