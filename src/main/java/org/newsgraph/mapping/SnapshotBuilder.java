package org.newsgraph.mapping;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.io.StringWriterI;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterTTL;

/**
 * Collects the statements of one snapshot about a placeholder subject, then names the snapshot
 * from them: the same statements, from any file, give the same IRI, so the store holds them once.
 * Extra fields are IRIs under the snapshot's own ({@code …#extra-N}), not blank nodes, so that
 * adding a snapshot the store already has changes nothing.
 */
final class SnapshotBuilder implements Statements {

    /** The subject while the content, and so the name, is not known yet. */
    static final Node SELF = NodeFactory.createURI("urn:x-newsgraph:snapshot");

    private final List<Triple> triples = new ArrayList<>();
    private int identifying;

    SnapshotBuilder(Node type, Node of) {
        add(SELF, Vocab.TYPE, type);
        if (of != null) {
            add(SELF, Vocab.NG_SNAPSHOT_OF, of);
        }
        identifying = triples.size();
    }

    @Override
    public void add(Node s, Node p, Node o) {
        if (o != null) {
            triples.add(Triple.create(s, p, o));
        }
    }

    @Override
    public Node extraField(Node subject, int n) {
        return NodeFactory.createURI(subject.getURI() + "#extra-" + n);
    }

    /** True if the source said more than which thing this is a snapshot of. */
    boolean saysMore() {
        return triples.size() > identifying;
    }

    /** What the snapshot says so far, about {@link #SELF}: equal lists give equal snapshots. */
    List<Triple> statements() {
        return triples;
    }

    /** The snapshot of {@code statements} (about {@link #SELF}), named from them. */
    static SharedDescription build(List<Triple> triples, IriMinter iris) {
        List<String> lines = new ArrayList<>(triples.size());
        for (Triple t : triples) {
            lines.add(line(t));
        }
        lines.sort(null);
        Node node = iris.snapshot(IriMinter.hash(String.join("\n", lines)));
        String self = SELF.getURI();
        List<Triple> named = new ArrayList<>(triples.size());
        for (Triple t : triples) {
            named.add(Triple.create(rename(t.getSubject(), self, node), t.getPredicate(),
                    rename(t.getObject(), self, node)));
        }
        return new SharedDescription(node, List.copyOf(named));
    }

    /** Turtle terms without prefixes: the content a snapshot is named from. */
    private static final NodeFormatter TERMS = new NodeFormatterTTL();

    /**
     * A statement as {@code NodeFmtLib.str(Triple)} writes it (stored snapshots are named from
     * these lines), without its indenting writer, which did bookkeeping for every character and
     * took a tenth of the readers' time.
     */
    static String line(Triple t) {
        StringWriterI w = new StringWriterI();
        TERMS.format(w, t.getSubject());
        w.print(' ');
        TERMS.format(w, t.getPredicate());
        w.print(' ');
        TERMS.format(w, t.getObject());
        return w.toString();
    }

    private static Node rename(Node n, String self, Node node) {
        return n.isURI() && n.getURI().startsWith(self)
                ? NodeFactory.createURI(node.getURI() + n.getURI().substring(self.length())) : n;
    }
}
