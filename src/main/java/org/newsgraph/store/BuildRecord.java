package org.newsgraph.store;

import java.time.Instant;

/**
 * What a build did, as the build graph records it.
 *
 * @param kind "full" or "incremental"
 * @param ended when the build had written its changes (before describing the dataset and committing)
 */
public record BuildRecord(String kind, Instant started, Instant ended, long loaded, long unchanged, long removed,
        long rejected) {
}
