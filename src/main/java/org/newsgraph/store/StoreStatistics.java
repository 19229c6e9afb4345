package org.newsgraph.store;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.Vocab;

/** Counts what a store holds. Call inside a read transaction. */
public final class StoreStatistics {

    private StoreStatistics() {
    }

    /**
     * The totals of a built store, from its VoID description (so no scan of the store is needed)
     * and the resolved graph.
     */
    public static StoreTotals totals(DatasetGraph dsg, IriMinter iris) {
        Node voidGraph = iris.voidGraph();
        return new StoreTotals(
                partition(dsg, voidGraph, Vocab.VOID_CLASS, Vocab.SCHEMA_CREATIVE_WORK, Vocab.VOID_ENTITIES),
                itemsDescribedBySnapshots(dsg, iris),
                partition(dsg, voidGraph, Vocab.VOID_CLASS, Vocab.SCHEMA_ORGANIZATION, Vocab.VOID_ENTITIES),
                partition(dsg, voidGraph, Vocab.VOID_CLASS, Vocab.SKOS_CONCEPT, Vocab.VOID_ENTITIES),
                partition(dsg, voidGraph, Vocab.VOID_CLASS, Vocab.SCHEMA_IMAGE_OBJECT, Vocab.VOID_ENTITIES),
                partition(dsg, voidGraph, Vocab.VOID_PROPERTY, Vocab.NG_RELATED, Vocab.VOID_TRIPLES),
                figure(dsg, voidGraph, iris.dataset(), Vocab.VOID_TRIPLES));
    }

    private static long partition(DatasetGraph dsg, Node voidGraph, Node key, Node value, Node figure) {
        Iterator<Quad> parts = dsg.find(voidGraph, Node.ANY, key, value);
        return parts.hasNext() ? figure(dsg, voidGraph, parts.next().getSubject(), figure) : 0;
    }

    private static long figure(DatasetGraph dsg, Node voidGraph, Node subject, Node property) {
        Iterator<Quad> it = dsg.find(voidGraph, subject, property, Node.ANY);
        return it.hasNext() ? Long.parseLong(it.next().getObject().getLiteralLexicalForm()) : 0;
    }

    /**
     * Items known only from related lists: those the resolved graph describes from a snapshot
     * (providers and topics without a profile are the others). In TDB2, the subjects are taken as
     * node ids and decoded in file order, one window of the node file at a time.
     */
    static long itemsDescribedBySnapshots(DatasetGraph dsg, IriMinter iris) {
        if (TDBInternal.isTDB2(dsg)) {
            NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
            Iterator<Tuple<NodeId>> it = quads.findAsNodeIds(iris.resolvedGraph(), Node.ANY,
                    Vocab.NG_DESCRIBED_BY_SNAPSHOT, Node.ANY);
            Set<NodeId> subjects = new HashSet<>();
            while (it != null && it.hasNext()) {
                subjects.add(it.next().get(1));
            }
            NodeFileReader nodes = new NodeFileReader(quads.getNodeTable());
            return subjects.stream().sorted(Comparator.comparingLong(NodeId::getPtrLocation))
                    .filter(id -> iris.isItem(nodes.node(id))).count();
        }
        Set<Node> items = new HashSet<>();
        dsg.find(iris.resolvedGraph(), Node.ANY, Vocab.NG_DESCRIBED_BY_SNAPSHOT, Node.ANY).forEachRemaining(q -> {
            if (iris.isItem(q.getSubject())) {
                items.add(q.getSubject());
            }
        });
        return items.size();
    }
}
