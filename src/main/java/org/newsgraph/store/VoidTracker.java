package org.newsgraph.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;

/**
 * A view of the store that follows how each change moves the VoID figures, so an incremental
 * build adjusts them instead of counting the whole store again. A triple enters the union graph
 * when it is added and no graph held it, and leaves it when its last copy is deleted; subjects and
 * objects likewise. The VoID graph itself is not counted.
 */
final class VoidTracker extends DatasetGraphWrapper {

    private final Node voidGraph;
    private final String base;
    private final VoidDescription.Figures delta = new VoidDescription.Figures();
    private final Set<Node> changedGraphs = new HashSet<>();

    VoidTracker(DatasetGraph dsg, Node voidGraph, String base) {
        super(dsg);
        this.voidGraph = voidGraph;
        this.base = base;
    }

    /** The graphs a quad was added to or deleted from (the VoID graph aside). */
    Set<Node> changedGraphs() {
        return changedGraphs;
    }

    /** The change to the figures so far. */
    VoidDescription.Figures delta() {
        return delta;
    }

    @Override
    public void add(Quad q) {
        add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        if (g.equals(voidGraph) || get().contains(g, s, p, o)) {
            get().add(g, s, p, o);
            return;
        }
        changedGraphs.add(g);
        boolean newTriple = !get().contains(Node.ANY, s, p, o);
        boolean newSubject = newTriple && !get().find(Node.ANY, s, Node.ANY, Node.ANY).hasNext();
        boolean newObject = newTriple && !hasObject(o);
        get().add(g, s, p, o);
        if (newTriple) {
            VoidDescription.count(delta, Triple.create(s, p, o), base, 1);
            subject(s, newSubject ? 1 : 0);
            delta.distinctObjects += newObject ? 1 : 0;
        }
    }

    @Override
    public void delete(Quad q) {
        delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        if (g.equals(voidGraph) || !get().contains(g, s, p, o)) {
            get().delete(g, s, p, o);
            return;
        }
        changedGraphs.add(g);
        get().delete(g, s, p, o);
        if (!get().contains(Node.ANY, s, p, o)) {
            VoidDescription.count(delta, Triple.create(s, p, o), base, -1);
            subject(s, get().find(Node.ANY, s, Node.ANY, Node.ANY).hasNext() ? 0 : -1);
            delta.distinctObjects -= hasObject(o) ? 0 : 1;
        }
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        // One quad at a time, so each is accounted for; in slices, so memory stays flat.
        while (true) {
            List<Quad> slice = new ArrayList<>();
            Iterator<Quad> it = get().find(g, s, p, o);
            while (it.hasNext() && slice.size() < 10_000) {
                slice.add(it.next());
            }
            slice.forEach(this::delete);
            if (slice.size() < 10_000) {
                return;
            }
        }
    }

    private void subject(Node s, int sign) {
        delta.distinctSubjects += sign;
        if (s.isURI() && s.getURI().startsWith(base)) {
            delta.entities += sign;
        }
    }

    /** True if a graph other than the VoID graph has {@code o} as an object. */
    private boolean hasObject(Node o) {
        Iterator<Quad> it = get().find(Node.ANY, Node.ANY, Node.ANY, o);
        while (it.hasNext()) {
            if (!it.next().getGraph().equals(voidGraph)) {
                return true;
            }
        }
        return false;
    }
}
