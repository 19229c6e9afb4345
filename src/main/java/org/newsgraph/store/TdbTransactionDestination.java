package org.newsgraph.store;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.MappedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An existing database, changed in one write transaction: the graphs of changed files are
 * replaced (by their difference), those of vanished files dropped, the shared descriptions that
 * are new added and those nothing refers to any more deleted ({@link SharedGraph}); then the
 * items, providers and topics touched are resolved again ({@link Resolver}), and the build record
 * and VoID figures rewritten. Readers see the store before or after, never between. It works as
 * well on the database a running server has open ({@code serve --watch}).
 */
final class TdbTransactionDestination implements BuildDestination {

    private static final Logger LOG = LoggerFactory.getLogger(TdbTransactionDestination.class);

    private final StoreLayout layout;
    private final DatasetGraph store;
    private final DatasetGraph database;
    private final IriMinter iris;
    private final List<String> roots;
    private final boolean compact;
    private final Phases phases;
    /** Closed with this destination: the store it opened, or nothing for a server's. */
    private final AutoCloseable owned;

    private VoidTracker dsg;
    private TextDeletions text;
    private Resolver resolver;
    private SharedGraph shared;
    private final Set<Node> affected = new HashSet<>();
    private final Set<Node> unreferenced = new HashSet<>();
    private boolean inTransaction;
    private long replacingNanos;

    /**
     * @param store the store with its text index, which every change goes through
     * @param database the bare TDB2 database under it, in the same transaction, for reads and
     *     writes the text index has no part in (the VoID description, the statistics file)
     */
    TdbTransactionDestination(StoreLayout layout, DatasetGraph store, DatasetGraph database, IriMinter iris,
            List<String> roots, boolean compact, Phases phases, AutoCloseable owned) {
        this.layout = layout;
        this.owned = owned;
        this.store = store;
        this.database = database;
        this.iris = iris;
        this.roots = roots;
        this.compact = compact;
        this.phases = phases;
    }

    @Override
    public String kind() {
        return "incremental";
    }

    @Override
    public Map<Node, FileIndex.Entry> known() {
        long start = System.nanoTime();
        Map<Node, FileIndex.Entry> known = FileIndex.read(layout);
        String from = "the file index";
        if (known == null) {
            from = "the store";
            known = Txn.calculateRead(store, () -> SourceIndex.entries(store));
        }
        LOG.info("reading what {} knows of {} files: {} ms", from, known.size(), (System.nanoTime() - start) / 1_000_000);
        return known;
    }

    @Override
    public StoredSource source(Node graph) {
        return SourceIndex.source(dsg, graph);
    }

    @Override
    public void start() {
        store.begin(TxnType.WRITE);
        inTransaction = true;
        // Every change goes through the tracker, which keeps the VoID figures current as it goes.
        text = new TextDeletions(store);
        dsg = new VoidTracker(text, iris.voidGraph(), iris.base());
        resolver = new Resolver(dsg, iris);
        shared = new SharedGraph(dsg, iris);
    }

    @Override
    public void replace(MappedFile mapped) {
        long t0 = System.nanoTime();
        Set<Quad> old = QuadDiff.stored(dsg, mapped.graph(), Node.ANY);
        List<Quad> quads = mapped.quads();
        if (Resolver.changesOthers(mapped.graph(), old, quads)) {
            shared.referencesOf(old, unreferenced, affected);
            affected.addAll(mapped.resolvable());
        } else {
            // Its items still: a duplicate's statements are moved again.
            shared.referencesOf(old, unreferenced, new HashSet<>());
            Resolver.describedBy(quads, affected);
        }
        // A changed file usually differs from its stored graph in a few statements.
        QuadDiff.replace(dsg, old, quads);
        mapped.shared().forEach(shared::add);
        replacingNanos += System.nanoTime() - t0;
    }

    @Override
    public void drop(Node graph) {
        // The graph goes, and with it the file's say on what it spoke of: what it referred to in
        // the shared graph may now be referred to by nothing.
        Set<Quad> old = QuadDiff.stored(dsg, graph, Node.ANY);
        shared.referencesOf(old, unreferenced, affected);
        QuadDiff.replace(dsg, old, List.of());
    }

    @Override
    public Outcome finish(Supplier<BuildRecord> run, Map<Node, FileIndex.Entry> index, long readStartNanos) {
        LOG.info("replacing the graphs of changed files: {} ms", replacingNanos / 1_000_000);
        try {
            if (dsg.changedGraphs().isEmpty() && unreferenced.isEmpty() && affected.isEmpty()) {
                return unchanged(index, readStartNanos);
            }
            phases.run("dropping unreferenced snapshots", () -> shared.collectGarbage(unreferenced, affected));
            phases.run("resolving " + affected.size() + " items, providers and topics", () -> resolver.resolve(affected));
            BuildMetadata.replaceOntology(dsg);
            BuildRecord record = run.get();
            BuildMetadata.writeBuild(dsg, iris, roots, record);
            VoidDescription.Figures figures = phases.run("describing the dataset", () -> {
                VoidDescription.Figures f = VoidDescription.read(database, iris);
                if (f == null) {
                    return VoidDescription.write(database, iris, roots, record);
                }
                f.add(dsg.delta());
                VoidDescription.write(database, iris, roots, record, f);
                return f;
            });
            Set<Node> changed = new HashSet<>(dsg.changedGraphs());
            changed.add(iris.voidGraph());
            text.restore();
            FileIndex.invalidate(layout);
            phases.run("committing", store::commit);
            inTransaction = false;
            store.end();
            FileIndex.write(layout, index, readStartNanos);
            OptimizerStatistics.write(database, figures);
            StoreTotals totals = totals();
            return compactIfWorth(new Outcome(totals, true, changed, null, null, null));
        } catch (RuntimeException e) {
            abort(e);
            throw e;
        }
    }

    /** Nothing changed: leaves the store exactly as it was, and remembers the files' stamps. */
    private Outcome unchanged(Map<Node, FileIndex.Entry> index, long readStartNanos) {
        if (!Files.exists(OptimizerStatistics.file(database))) {
            VoidDescription.Figures figures = VoidDescription.read(database, iris);
            if (figures != null) {
                OptimizerStatistics.write(database, figures);
            }
        }
        store.abort();
        store.end();
        inTransaction = false;
        FileIndex.write(layout, index, readStartNanos);
        return new Outcome(totals(), false, Set.of(), null, null, null);
    }

    private StoreTotals totals() {
        long start = System.nanoTime();
        StoreTotals totals = Txn.calculateRead(database, () -> StoreStatistics.totals(database, iris));
        LOG.info("counting the totals: {} ms", (System.nanoTime() - start) / 1_000_000);
        return totals;
    }

    /** Compacts the database when enough of it is garbage; a failure is reported, not thrown. */
    private Outcome compactIfWorth(Outcome done) {
        if (!compact) {
            return done;
        }
        StoreSpace space = Txn.calculateRead(database, () -> StoreSpace.measure(database, layout));
        LOG.info("garbage: {} of {} bytes ({} %)", space.garbageBytes(), space.databaseBytes(),
                Math.round(100 * space.garbageShare()));
        if (!Compactor.worthCompacting(space)) {
            return done;
        }
        phases.listener().phase("compacting");
        try {
            Compactor.Result result = Compactor.compact(database, layout);
            return new Outcome(done.totals(), true, done.changedGraphs(), result, null, null);
        } catch (RuntimeException e) {
            // The build is committed and the store as it left it; only the space is not won back.
            LOG.info("compacting failed", e);
            String why = e instanceof UncheckedIOException u ? u.getCause().toString() : e.getMessage();
            return new Outcome(done.totals(), true, done.changedGraphs(), null, why, null);
        }
    }

    @Override
    public void abort(RuntimeException cause) {
        if (inTransaction) {
            inTransaction = false;
            try {
                store.abort();
            } finally {
                store.end();
            }
        }
    }

    @Override
    public void close() {
        abort(null);
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
    }
}
