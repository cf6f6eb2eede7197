package vn.lachan.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures the embedded store; the app fills it once from its configuration.
 *
 * @param dataDir the data folder; partitions go under {@code dataDir/events}
 * @param partitionSpan the time each partition covers: whole days, or whole hours dividing a day
 * @param sealGrace how long after a partition's end it is sealed (later events go to a late partition,
 *     itself sealed this long after the first sealing run that saw it)
 * @param totalBound the count up to which a search's total is exact
 * @param maxPageSize the largest page a search returns
 * @param maxBuckets the most buckets one aggregation may return
 * @param maxLeadingWildcardPartitions the most partitions a wildcard starting with * or ? may search
 * @param ramBufferMb the indexing buffer per partition being written, in MiB
 * @param commitInterval how long written batches may wait for a commit (flush and fsync) that makes them
 *     durable; zero commits every batch. Searches see a batch as soon as it is written either way.
 */
public record StoreConfig(
        Path dataDir,
        Duration partitionSpan,
        Duration sealGrace,
        int totalBound,
        int maxPageSize,
        int maxBuckets,
        int maxLeadingWildcardPartitions,
        double ramBufferMb,
        Duration commitInterval) {
    /** The default {@link #commitInterval()}: durable within a second, as the journal's checkpoint. */
    public static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

    public StoreConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        if (partitionSpan.toHours() < 1
                || !partitionSpan.equals(Duration.ofHours(partitionSpan.toHours()))
                || (partitionSpan.toHours() < 24 && 24 % partitionSpan.toHours() != 0)
                || (partitionSpan.toHours() >= 24 && partitionSpan.toHours() % 24 != 0)) {
            throw new IllegalArgumentException(
                    "a partition spans whole days or whole hours dividing a day, not " + partitionSpan);
        }
        if (sealGrace.isNegative() || totalBound < 1 || maxPageSize < 1 || maxBuckets < 1) {
            throw new IllegalArgumentException("store limits must be positive");
        }
        if (maxLeadingWildcardPartitions < 0 || ramBufferMb < 1) {
            throw new IllegalArgumentException("bad store limits: leading-wildcard partitions "
                    + maxLeadingWildcardPartitions + ", RAM buffer " + ramBufferMb + " MiB");
        }
        if (commitInterval.isNegative()) {
            throw new IllegalArgumentException("the commit interval is >= 0, was " + commitInterval);
        }
    }

    /** Returns a configuration that commits every {@link #COMMIT_INTERVAL}. */
    public StoreConfig(
            Path dataDir,
            Duration partitionSpan,
            Duration sealGrace,
            int totalBound,
            int maxPageSize,
            int maxBuckets,
            int maxLeadingWildcardPartitions,
            double ramBufferMb) {
        this(
                dataDir,
                partitionSpan,
                sealGrace,
                totalBound,
                maxPageSize,
                maxBuckets,
                maxLeadingWildcardPartitions,
                ramBufferMb,
                COMMIT_INTERVAL);
    }

    /** Returns this configuration with another commit interval (zero: every batch). */
    public StoreConfig withCommitInterval(Duration interval) {
        return new StoreConfig(
                dataDir,
                partitionSpan,
                sealGrace,
                totalBound,
                maxPageSize,
                maxBuckets,
                maxLeadingWildcardPartitions,
                ramBufferMb,
                interval);
    }

    /**
     * Returns the defaults: daily partitions sealed one hour after the day, totals exact to 10,000, pages
     * up to 10,000, 10,000 buckets, leading wildcards over at most 7 days, 64 MiB indexing buffer, a commit
     * every second.
     */
    public static StoreConfig defaults(Path dataDir) {
        return new StoreConfig(dataDir, Duration.ofDays(1), Duration.ofHours(1), 10_000, 10_000, 10_000, 7, 64);
    }
}
