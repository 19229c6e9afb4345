package org.newsgraph.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a build did and what the store holds afterwards.
 *
 * @param mode "full" (bulk load of a fresh database) or "incremental"
 * @param aborted true if {@code --strict} stopped the build and nothing was changed
 * @param compaction the compaction that followed the build, or null if none was needed (or it failed)
 * @param compactionFailure why the compaction the build needed failed, or null (the build's changes stay)
 * @param sent what went to the remote store of {@code build --target}, or null
 */
public record BuildReport(
        String mode,
        boolean aborted,
        long filesSeen,
        long loaded,
        long unchanged,
        long rejected,
        long removed,
        long ignored,
        List<String> rejections,
        Map<String, Long> warningsByKind,
        Map<String, Long> extraFieldsByKey,
        StoreTotals totals,
        Compactor.Result compaction,
        String compactionFailure,
        TargetReport sent,
        Duration wallTime) {
}
