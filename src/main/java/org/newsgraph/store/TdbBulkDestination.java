package org.newsgraph.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.MappedFile;
import org.newsgraph.mapping.SharedDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh database, written under {@code DIR/.staging} by the TDB2 bulk loader and swapped in
 * when complete, so a failed or killed build leaves the store it replaces as it was. Items,
 * providers and topics are resolved as the files stream past ({@link StreamedResolution}); text
 * goes to the index on its way to the loader.
 */
final class TdbBulkDestination implements BuildDestination {

    private static final Logger LOG = LoggerFactory.getLogger(TdbBulkDestination.class);

    private final StoreLayout layout;
    private final StoreLayout staging;
    private final IriMinter iris;
    private final List<String> roots;
    private final Phases phases;
    private NewsStore store;
    private DataLoader loader;
    private StreamRDF out;
    private StreamedResolution resolution;
    /** The shared descriptions already given to the loader: one many files give goes once. */
    private final Set<Node> written = new HashSet<>();
    private Instant loadStart;
    private long files;

    TdbBulkDestination(StoreLayout layout, IriMinter iris, List<String> roots, Phases phases) {
        this.layout = layout;
        this.staging = layout.staging();
        this.iris = iris;
        this.roots = roots;
        this.phases = phases;
    }

    @Override
    public String kind() {
        return "full";
    }

    @Override
    public Map<Node, FileIndex.Entry> known() {
        return Map.of();
    }

    @Override
    public StoredSource source(Node graph) {
        return null;
    }

    @Override
    public void start() {
        layout.discardStaging();
        store = NewsStore.open(staging);
        loader = LoaderFactory.phasedLoader(store.database(), (format, args) -> LOG.debug(String.format(format, args)));
        // Text goes to the index as it goes to the loader; later changes through the store's text dataset.
        out = TextIndexes.indexing(loader.stream(), store.textIndex());
        resolution = new StreamedResolution(iris, staging.dir().resolve("resolution.spill"));
        loadStart = Instant.now();
        loader.startBulk();
        BuildMetadata.writeOntology(out);
    }

    @Override
    public void replace(MappedFile mapped) {
        mapped.quads().forEach(out::quad);
        Node shared = iris.sharedGraph();
        List<SharedDescription> first = new ArrayList<>();
        for (SharedDescription d : mapped.shared()) {
            if (written.add(d.node())) {
                d.triples().forEach(t -> out.quad(Quad.create(shared, t)));
                first.add(d);
            }
        }
        resolution.file(mapped, first);
        files++;
    }

    @Override
    public void drop(Node graph) {
        // A fresh database holds nothing to drop.
    }

    @Override
    public Outcome finish(Supplier<BuildRecord> run, Map<Node, FileIndex.Entry> index, long readStartNanos) {
        StoreTotals totals;
        try {
            phases.run("resolving items, providers and topics", () -> resolution.emit(out));
            phases.listener().phase("building indexes");
            loader.finishBulk();
            loader = null;
            LOG.info("bulk load of {} files: {} ms", files, Duration.between(loadStart, Instant.now()).toMillis());
            DatasetGraph dsg = store.database();
            totals = Txn.calculateWrite(store.dataset(), () -> {
                Set<Node> claimedTwice = resolution.claimedTwice();
                TextDeletions text = new TextDeletions(store.dataset());
                phases.run("resolving " + claimedTwice.size() + " items several files claim",
                        () -> new Resolver(text, iris).resolve(claimedTwice));
                text.restore();
                BuildRecord record = run.get();
                BuildMetadata.writeBuild(dsg, iris, roots, record);
                OptimizerStatistics.write(dsg, phases.run("describing the dataset",
                        () -> VoidDescription.write(dsg, iris, roots, record)));
                return StoreStatistics.totals(dsg, iris);
            });
        } catch (RuntimeException e) {
            abort(e);
            throw e;
        }
        resolution.close();
        store.close();
        store = null;
        TdbStore.release(layout.database());
        try {
            // A server may have started on the store while this build loaded.
            TdbStore.checkNotHeld(layout);
        } catch (StoreException e) {
            layout.discardStaging();
            throw e;
        }
        FileIndex.invalidate(layout);
        layout.swapInStaging();
        FileIndex.write(layout, index, readStartNanos);
        return new Outcome(totals, true, null, null, null, null);
    }

    @Override
    public void abort(RuntimeException cause) {
        if (store == null) {
            return;
        }
        if (loader != null) {
            try {
                loader.finishException(cause);
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
        resolution.close();
        store.close();
        store = null;
        layout.discardStaging();
    }

    @Override
    public void close() {
        if (store != null) {
            abort(new IllegalStateException("closed before it finished"));
        }
    }
}
