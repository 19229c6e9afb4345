package org.newsgraph.store;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.newsgraph.mapping.MappedFile;

/**
 * Where a build's changes go, after the shape of Jena's {@code DataLoader}. The {@link CorpusLoader}
 * reads the files and works out, once, which file graphs to replace and which to drop; a
 * destination applies them between {@link #start} and {@link #finish}, which resolves the items,
 * providers and topics they touched, rewrites the build record and the dataset description, and
 * makes it all visible at once. {@link Destinations} picks one: a fresh database through the TDB2
 * bulk loader, one write transaction on an existing (or served) database, or either of those
 * followed by the Graph Store Protocol to a remote store.
 */
interface BuildDestination extends AutoCloseable {

    /** What the build record calls a build into this destination: "full" or "incremental". */
    String kind();

    /** What the destination holds of each file graph; empty for a fresh one. */
    Map<Node, FileIndex.Entry> known();

    /** Where the file of a known graph was, or null if the destination does not know. Between start and finish. */
    StoredSource source(Node graph);

    void start();

    /** A new or changed file's graph, which replaces what the destination held of it. */
    void replace(MappedFile file);

    /** A known file that is gone, or no longer a news item: its graph and its say in the shared graphs go. */
    void drop(Node graph);

    /**
     * Resolves, describes and commits.
     *
     * @param run the record of the build, asked for when the changes are written
     * @param index the file index the destination then holds
     * @param readStartNanos when the build began looking at files, for the file index
     */
    Outcome finish(Supplier<BuildRecord> run, Map<Node, FileIndex.Entry> index, long readStartNanos);

    /** Leaves the destination as it was before {@link #start}. */
    void abort(RuntimeException cause);

    @Override
    void close();

    /**
     * What a finished build left.
     *
     * @param changed true if the destination changed (a build that found nothing to do changes nothing)
     * @param changedGraphs the graphs whose content changed, or null where any may have (a fresh database)
     * @param compaction the compaction that followed, or null
     * @param compactionFailure why the compaction that was due failed, or null
     * @param sent what went to a remote store, or null for a local destination
     */
    record Outcome(StoreTotals totals, boolean changed, Set<Node> changedGraphs, Compactor.Result compaction,
            String compactionFailure, TargetReport sent) {

        Outcome withSent(TargetReport report) {
            return new Outcome(totals, changed, changedGraphs, compaction, compactionFailure, report);
        }
    }
}
