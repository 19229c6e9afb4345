package org.newsgraph.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDateTime;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.ItemTypes;
import org.newsgraph.mapping.Vocab;

/**
 * Gives every item exactly one description in the union graph, whatever files speak of it.
 * <ul>
 * <li>An item's own file is authoritative. If several files claim the same item (same URL), the
 * earliest published wins (then the smallest graph IRI); the others' statements about it are
 * moved, inside their own graphs, onto a {@code ng:DuplicateSnapshot} node.</li>
 * <li>An item known only from related lists gets, in the resolved graph, a copy of one snapshot:
 * the one taken most recently (the mentioning item published last, then the smallest graph
 * IRI). All snapshots stay as they are, queryable.</li>
 * </ul>
 * The choice depends only on the graphs that speak of the item, so resolving the items touched
 * by a change gives the same store as resolving everything after a full build.
 */
final class ItemResolver {

    private static final Set<Node> NOT_COPIED = Set.of(Vocab.TYPE, Vocab.LABEL, Vocab.NG_SNAPSHOT_OF,
            Vocab.NG_SNAPSHOT_IN, Vocab.NG_LIST_POSITION, Vocab.NG_EXTRA);

    private final DatasetGraph dsg;
    private final IriMinter iris;
    private final Node resolvedGraph;

    ItemResolver(DatasetGraph dsg, IriMinter iris) {
        this.dsg = dsg;
        this.iris = iris;
        this.resolvedGraph = iris.resolvedGraph();
    }

    /** Every item the store speaks of. Call inside a transaction. */
    Set<Node> allItems() {
        return itemsOf(Node.ANY);
    }

    /** The items graph {@code g} speaks of: its own and those it holds snapshots of. */
    Set<Node> itemsOf(Node g) {
        Set<Node> items = new HashSet<>();
        for (Node p : List.of(Vocab.NG_DESCRIBES, Vocab.NG_SNAPSHOT_OF)) {
            dsg.find(g, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                if (iris.isItem(q.getObject())) {
                    items.add(q.getObject());
                }
            });
        }
        return items;
    }

    /** Resolves {@code items}. Call inside a write transaction. */
    void resolve(Collection<Node> items) {
        for (Node item : items) {
            resolve(item);
        }
    }

    private void resolve(Node item) {
        dsg.deleteAny(resolvedGraph, item, Node.ANY, Node.ANY);
        List<Node> claims = graphsWith(Vocab.NG_DESCRIBES, item);
        if (!claims.isEmpty()) {
            claims.sort(Comparator.comparingLong(this::itemTime).thenComparing(Node::getURI));
            for (int i = 0; i < claims.size(); i++) {
                Node g = claims.get(i);
                boolean demoted = dsg.contains(g, duplicate(g), Vocab.NG_SNAPSHOT_OF, item);
                if (i == 0 && demoted) {
                    promote(g, item);
                } else if (i > 0 && !demoted) {
                    demote(g, item);
                }
            }
            return;
        }
        List<Quad> snapshots = new ArrayList<>();
        dsg.find(Node.ANY, Node.ANY, Vocab.NG_SNAPSHOT_OF, item).forEachRemaining(snapshots::add);
        if (snapshots.isEmpty()) {
            return;
        }
        snapshots.sort(Comparator.comparingLong((Quad q) -> -itemTime(q.getGraph()))
                .thenComparing(q -> q.getGraph().getURI())
                .thenComparing(q -> q.getSubject().getURI()));
        Quad chosen = snapshots.get(0);
        copySnapshot(chosen.getGraph(), chosen.getSubject(), item);
    }

    private List<Node> graphsWith(Node property, Node object) {
        List<Node> graphs = new ArrayList<>();
        dsg.find(Node.ANY, Node.ANY, property, object).forEachRemaining(q -> graphs.add(q.getGraph()));
        return graphs;
    }

    private static Node duplicate(Node graph) {
        return IriMinter.local(graph, "duplicate");
    }

    /** When the item of graph {@code g} was published (epoch ms), as that graph says; undated last. */
    private long itemTime(Node g) {
        Iterator<Quad> own = dsg.find(g, g, Vocab.NG_DESCRIBES, Node.ANY);
        if (!own.hasNext()) {
            return Long.MAX_VALUE;
        }
        Node item = own.next().getObject();
        for (Node s : List.of(item, duplicate(g))) {
            Iterator<Quad> dates = dsg.find(g, s, Vocab.SCHEMA_DATE_PUBLISHED, Node.ANY);
            while (dates.hasNext()) {
                Node date = dates.next().getObject();
                if (date.isLiteral() && date.getLiteralValue() instanceof XSDDateTime dt) {
                    try {
                        return dt.asCalendar().getTimeInMillis();
                    } catch (RuntimeException e) {
                        // A date without a time zone, or a bare date: fall through to undated.
                    }
                }
            }
        }
        return Long.MAX_VALUE - 1;
    }

    /** Moves graph {@code g}'s statements about {@code item} onto its duplicate-snapshot node. */
    private void demote(Node g, Node item) {
        Node d = duplicate(g);
        for (Quad q : quads(g, item)) {
            dsg.delete(q);
            if (!q.getPredicate().equals(Vocab.TYPE) && !q.getPredicate().equals(Vocab.LABEL)) {
                dsg.add(g, d, q.getPredicate(), q.getObject());
            }
        }
        dsg.add(g, d, Vocab.TYPE, Vocab.NG_DUPLICATE_SNAPSHOT);
        dsg.add(g, d, Vocab.NG_SNAPSHOT_OF, item);
    }

    /** Undoes {@link #demote}: exactly what mapping the file would have written. */
    private void promote(Node g, Node item) {
        Node d = duplicate(g);
        for (Quad q : quads(g, d)) {
            dsg.delete(q);
            if (!q.getPredicate().equals(Vocab.TYPE) && !q.getPredicate().equals(Vocab.NG_SNAPSHOT_OF)) {
                dsg.add(g, item, q.getPredicate(), q.getObject());
            }
        }
        addDerived(g, item, g, item);
    }

    private void copySnapshot(Node g, Node snapshot, Node item) {
        for (Quad q : quads(g, snapshot)) {
            if (!NOT_COPIED.contains(q.getPredicate())) {
                dsg.add(resolvedGraph, item, q.getPredicate(), q.getObject());
            }
        }
        addDerived(resolvedGraph, item, g, snapshot);
        dsg.add(resolvedGraph, item, Vocab.NG_DESCRIBED_BY_SNAPSHOT, snapshot);
    }

    /** The types (from {@code ng:itemType}) and label (the headline) of a description. */
    private void addDerived(Node target, Node item, Node g, Node description) {
        String itemType = firstLexical(g, description, Vocab.NG_ITEM_TYPE);
        for (Node type : ItemTypes.classesFor(itemType)) {
            dsg.add(target, item, Vocab.TYPE, type);
        }
        String headline = firstLexical(g, description, Vocab.SCHEMA_HEADLINE);
        if (headline != null) {
            dsg.add(target, item, Vocab.LABEL, NodeFactory.createLiteralString(headline));
        }
    }

    private String firstLexical(Node g, Node s, Node p) {
        Iterator<Quad> it = dsg.find(g, s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
    }

    private List<Quad> quads(Node g, Node s) {
        List<Quad> quads = new ArrayList<>();
        dsg.find(g, s, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        return quads;
    }
}
