package vn.lachan.sigma.correlate;

/**
 * Counts what the correlator did since it was built.
 *
 * @param alerts correlation alerts fired (reported or only fed to other correlations)
 * @param liveStates group states held now
 * @param evictions group states evicted because {@link CorrelationLimits#maxStates()} was reached
 * @param expired group states dropped because event time moved past their window
 * @param late matches dropped because they were older than their group's window
 * @param ungrouped matches dropped because they lack a group-by field
 * @param untimed matches dropped because their event has no time
 */
public record CorrelatorStats(
        long alerts, long liveStates, long evictions, long expired, long late, long ungrouped, long untimed) {}
