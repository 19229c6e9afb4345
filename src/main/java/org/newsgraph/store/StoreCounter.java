package org.newsgraph.store;

import java.util.Iterator;
import java.util.Objects;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.Vocab;

/**
 * Counts what a TDB2 store holds from its quad indexes, as node ids, without the VoID description
 * (which only builds keep current). Each count walks one index in its own order, so a run of
 * tuples that differ only in the graph is one triple: POSG for the typed subjects and the
 * related links, SPOG for the distinct triples, GSPO for the quads.
 */
final class StoreCounter {

    private final DatasetGraphTDB tdb;
    private final NodeTable nodes;
    private final NodeId voidGraph;

    private StoreCounter(DatasetGraph dsg, IriMinter iris) {
        this.tdb = TDBInternal.getDatasetGraphTDB(dsg);
        this.nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
        this.voidGraph = nodes.getNodeIdForNode(iris.voidGraph());
    }

    /** The contents of the TDB2 store {@code dsg}. Call inside a transaction. */
    static StoreContents count(DatasetGraph dsg, IriMinter iris) {
        StoreCounter c = new StoreCounter(dsg, iris);
        StoreTotals totals = new StoreTotals(
                c.distinct(Vocab.TYPE, Vocab.SCHEMA_CREATIVE_WORK),
                StoreStatistics.itemsDescribedBySnapshots(dsg, iris),
                c.distinct(Vocab.TYPE, Vocab.SCHEMA_ORGANIZATION),
                c.distinct(Vocab.TYPE, Vocab.SKOS_CONCEPT),
                c.distinct(Vocab.TYPE, Vocab.SCHEMA_IMAGE_OBJECT),
                c.distinct(Vocab.NG_RELATED, null),
                c.triples());
        return new StoreContents(c.distinct(Vocab.NG_CONTENT_HASH, null), c.quads(), totals);
    }

    /**
     * The distinct triples outside the VoID graph with predicate {@code p} (and object {@code o},
     * if given); with an object, that is the distinct subjects of the pair.
     */
    private long distinct(Node p, Node o) {
        NodeId pid = nodes.getNodeIdForNode(p);
        NodeId oid = o == null ? NodeId.NodeIdAny : nodes.getNodeIdForNode(o);
        if (NodeId.isDoesNotExist(pid) || NodeId.isDoesNotExist(oid)) {
            return 0;
        }
        Tuple<NodeId> pattern = TupleFactory.tuple(NodeId.NodeIdAny, NodeId.NodeIdAny, pid, oid);
        long n = 0;
        NodeId s = null;
        NodeId object = null;
        for (Iterator<Tuple<NodeId>> it = quadIndex(tdb, "POSG").find(pattern); it.hasNext(); ) {
            Tuple<NodeId> q = it.next();
            if (q.get(0).equals(voidGraph) || (q.get(1).equals(s) && q.get(3).equals(object))) {
                continue;
            }
            s = q.get(1);
            object = q.get(3);
            n++;
        }
        return n;
    }

    /** Distinct triples outside the VoID graph. */
    private long triples() {
        long[] n = {0};
        forEachTriple(tdb, voidGraph, q -> n[0]++);
        return n[0];
    }

    /**
     * Calls {@code action} once per distinct triple of the union graph outside {@code voidGraph},
     * with its first quad in SPOG order (graph at 0, subject, predicate, object).
     */
    static void forEachTriple(DatasetGraphTDB tdb, NodeId voidGraph, java.util.function.Consumer<Tuple<NodeId>> action) {
        NodeId s = null;
        NodeId p = null;
        NodeId o = null;
        for (Iterator<Tuple<NodeId>> it = quadIndex(tdb, "SPOG").all(); it.hasNext(); ) {
            Tuple<NodeId> q = it.next();
            if (q.get(0).equals(voidGraph) || (q.get(1).equals(s) && q.get(2).equals(p) && q.get(3).equals(o))) {
                continue;
            }
            s = q.get(1);
            p = q.get(2);
            o = q.get(3);
            action.accept(q);
        }
    }

    /** Every quad, the default graph's triples included. */
    private long quads() {
        long n = 0;
        for (Iterator<Tuple<NodeId>> it = quadIndex(tdb, "GSPO").all(); it.hasNext(); it.next()) {
            n++;
        }
        // The default graph is TDB2's triple table (newsgraph writes none, a server with updates may).
        for (Iterator<Tuple<NodeId>> it = tdb.getTripleTable().getNodeTupleTable().findAll(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    /** The quad index of {@code tdb} whose order is {@code name} (GSPO, SPOG, POSG, ...). */
    static TupleIndex quadIndex(DatasetGraphTDB tdb, String name) {
        for (TupleIndex index : tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes()) {
            if (index.getName().equals(name)) {
                return index;
            }
        }
        throw new IllegalStateException("TDB2 store without a " + name + " index: " + Objects.toString(tdb.getLocation()));
    }
}
