package vn.lachan.core.store;

import java.util.List;
import vn.lachan.core.problem.Problem;

/**
 * Tells, per partition, whether its files still match its sealed manifest and the manifests their chain.
 *
 * @param partitions one check per partition, oldest first
 */
public record VerifyReport(List<PartitionCheck> partitions) {
    public VerifyReport {
        partitions = List.copyOf(partitions);
    }

    /** Returns whether every sealed partition is intact. */
    public boolean intact() {
        return partitions.stream().noneMatch(p -> p.status() == Status.DAMAGED);
    }

    /**
     * Gives the outcome for one partition.
     *
     * @param partition the partition's name
     * @param status the outcome
     * @param findings each modified, missing or added file and each broken chain link
     */
    public record PartitionCheck(String partition, Status status, List<Problem> findings) {
        public PartitionCheck {
            findings = List.copyOf(findings);
        }
    }

    /** Tells the outcome of a check. */
    public enum Status {
        /** Sealed, and its files match the manifest. */
        INTACT,
        /** Still open for writes: nothing to verify yet. */
        OPEN,
        /** Sealed, and something does not match. */
        DAMAGED
    }
}
