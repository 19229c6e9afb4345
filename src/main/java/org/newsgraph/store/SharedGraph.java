package org.newsgraph.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.SharedDescription;

/**
 * Keeps the shared graph of a store current through incremental builds. It holds what many files
 * say alike (snapshots named from their content, and the identity of providers, topics and
 * images), each stated once, for as long as something refers to it: a file's graph, or another
 * shared description that is itself kept. The resolved graph's copies do not count: they are
 * derived from what remains. Call inside a write transaction.
 */
final class SharedGraph {

    private final DatasetGraph dsg;
    private final IriMinter iris;
    private final Node graph;
    private final Node resolvedGraph;
    /** The descriptions added or found present in this build: each is looked up once. */
    private final Set<Node> present = new HashSet<>();

    SharedGraph(DatasetGraph dsg, IriMinter iris) {
        this.dsg = dsg;
        this.iris = iris;
        this.graph = iris.sharedGraph();
        this.resolvedGraph = iris.resolvedGraph();
    }

    /** Adds {@code d} unless the store holds it already (the same node always has the same content). */
    void add(SharedDescription d) {
        if (!present.add(d.node()) || dsg.find(graph, d.node(), Node.ANY, Node.ANY).hasNext()) {
            return;
        }
        for (Triple t : d.triples()) {
            dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
        }
    }

    /**
     * Before a file's graph is replaced or dropped: adds to {@code shared} the shared nodes its
     * stored {@code quads} refer to (they may now be referred to by nothing; what only they refer
     * to is found when they go), and to {@code resolvable} the items, providers and topics it
     * speaks of, whose resolution may change with it.
     */
    void referencesOf(Collection<Quad> quads, Set<Node> shared, Set<Node> resolvable) {
        for (Quad q : quads) {
            note(q.getSubject(), resolvable);
            note(q.getObject(), resolvable);
            if (iris.isShared(q.getObject())) {
                shared.add(q.getObject());
                // Referred to from a stored graph, so in the store until garbage collection,
                // which keeps whatever a file of this build refers to: add() need not look.
                present.add(q.getObject());
            }
        }
    }

    private void note(Node n, Set<Node> resolvable) {
        if (iris.isItem(n) || iris.isProvider(n) || iris.isTopic(n)) {
            resolvable.add(n);
        }
    }

    /**
     * Deletes the {@code candidates} nothing refers to any more, then what only they referred to.
     * Adds to {@code resolvable} the items, providers and topics whose snapshots went.
     */
    void collectGarbage(Set<Node> candidates, Set<Node> resolvable) {
        Deque<Node> work = new ArrayDeque<>(candidates);
        while (!work.isEmpty()) {
            Node node = work.pop();
            if (referenced(node)) {
                continue;
            }
            List<Quad> quads = new ArrayList<>();
            dsg.find(graph, node, Node.ANY, Node.ANY).forEachRemaining(quads::add);
            if (quads.isEmpty()) {
                continue;
            }
            String local = node.getURI() + "#";
            for (Quad q : List.copyOf(quads)) {
                Node o = q.getObject();
                if (o.isURI() && o.getURI().startsWith(local)) {
                    // An extra field of the snapshot: part of it.
                    dsg.find(graph, o, Node.ANY, Node.ANY).forEachRemaining(quads::add);
                }
            }
            quads.forEach(dsg::delete);
            note(node, resolvable);
            for (Quad q : quads) {
                note(q.getObject(), resolvable);
                if (iris.isShared(q.getObject())) {
                    work.add(q.getObject());
                }
            }
        }
    }

    /** True if a file's graph or a shared description refers to {@code node}. */
    private boolean referenced(Node node) {
        Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, Node.ANY, node);
        while (it.hasNext()) {
            if (!it.next().getGraph().equals(resolvedGraph)) {
                return true;
            }
        }
        return false;
    }
}
