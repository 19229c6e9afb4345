package org.newsgraph.store;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.newsgraph.mapping.Vocab;

/**
 * Counts the VoID figures of a TDB2 store from its quad indexes, as node ids: the union graph is
 * the SPOG index with runs of the same triple in several graphs taken once, and distinct objects
 * are the runs of the OSPG index. A node is decoded only where a figure needs its text: each
 * distinct subject (is it an entity?), predicate, class and object (is it a link, to which host?).
 * This is what tdb2.tdbstats does; going through {@code find} instead decoded every node of every
 * quad and took most of the time of describing the dataset. Both scans meet their nodes in
 * ascending id order, which {@link NodeFileReader} decodes from a window of the node file.
 */
final class VoidCounter {

    private final DatasetGraphTDB tdb;
    private final NodeTable nodes;
    private final NodeFileReader reader;
    private final NodeId voidGraph;
    private final NodeId type;
    private final String base;

    private VoidCounter(DatasetGraph dsg, Node voidGraph, String base) {
        this.tdb = TDBInternal.getDatasetGraphTDB(dsg);
        this.nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
        this.reader = new NodeFileReader(nodes);
        this.voidGraph = nodes.getNodeIdForNode(voidGraph);
        this.type = nodes.getNodeIdForNode(Vocab.TYPE);
        this.base = base;
    }

    /** The figures of the union graph of the TDB2 store {@code dsg} without its VoID graph. Call inside a transaction. */
    static VoidDescription.Figures count(DatasetGraph dsg, Node voidGraph, String base) {
        VoidCounter counter = new VoidCounter(dsg, voidGraph, base);
        VoidDescription.Figures f = new VoidDescription.Figures();
        counter.triples(f);
        counter.objects(f);
        return f;
    }

    /** Triples, subjects, entities, properties and classes, from SPOG. */
    private void triples(VoidDescription.Figures f) {
        Map<NodeId, Long> properties = new HashMap<>();
        Map<NodeId, Long> classes = new HashMap<>();
        NodeId[] subject = {null};
        StoreCounter.forEachTriple(tdb, voidGraph, q -> {
            if (!q.get(1).equals(subject[0])) {
                subject[0] = q.get(1);
                f.distinctSubjects++;
                Node s = reader.node(q.get(1));
                if (s.isURI() && s.getURI().startsWith(base)) {
                    f.entities++;
                }
            }
            f.triples++;
            properties.merge(q.get(2), 1L, Long::sum);
            if (q.get(2).equals(type)) {
                classes.merge(q.get(3), 1L, Long::sum);
            }
        });
        properties.forEach((id, n) -> f.properties.put(nodes.getNodeForNodeId(id), n));
        classes.forEach((id, n) -> f.classes.put(nodes.getNodeForNodeId(id), n));
    }

    /** Distinct objects, and links (triples whose object is a web page elsewhere) by host, from OSPG. */
    private void objects(VoidDescription.Figures f) {
        NodeId o = null;
        NodeId s = null;
        NodeId p = null;
        String host = null;
        for (Iterator<Tuple<NodeId>> it = index("OSPG").all(); it.hasNext(); ) {
            Tuple<NodeId> q = it.next();
            if (q.get(0).equals(voidGraph)) {
                continue;
            }
            if (!q.get(3).equals(o)) {
                o = q.get(3);
                s = null;
                p = null;
                f.distinctObjects++;
                host = o.isInline() ? null : linkHost(reader.node(o));
            }
            if (host != null && !(q.get(1).equals(s) && q.get(2).equals(p)) && !q.get(2).equals(type)) {
                f.linksByHost.merge(host, 1L, Long::sum);
            }
            s = q.get(1);
            p = q.get(2);
        }
    }

    /** The web host an object links to, as {@link VoidTracker} counts it; null if none. */
    private String linkHost(Node object) {
        return object.isURI() && !object.getURI().startsWith(base) ? VoidDescription.webHost(object.getURI()) : null;
    }

    private TupleIndex index(String name) {
        return StoreCounter.quadIndex(tdb, name);
    }
}
