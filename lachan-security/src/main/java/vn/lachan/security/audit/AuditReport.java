package vn.lachan.security.audit;

import java.util.List;

/**
 * Summarizes one verification of the trail.
 *
 * @param records how many records were read
 * @param checkpoints how many checkpoints were checked
 * @param lastSigned the highest sequence covered by a valid checkpoint, 0 when none
 * @param findings every difference found, in sequence order; empty when the trail is intact
 */
public record AuditReport(long records, int checkpoints, long lastSigned, List<AuditFinding> findings) {
    public AuditReport {
        findings = List.copyOf(findings);
    }

    /** Returns whether no difference was found. */
    public boolean intact() {
        return findings.isEmpty();
    }
}
