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
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.ItemTypes;
import org.newsgraph.mapping.Vocab;

/**
 * Gives every item, provider and topic one description in the union graph, whatever files speak
 * of it.
 * <ul>
 * <li>An item's own file is authoritative. If several files claim the same item (same URL), the
 * earliest published wins (then the smallest graph IRI); the others' statements about it are
 * moved, inside their own graphs, onto a {@code ng:DuplicateSnapshot} node.</li>
 * <li>An item known only from related lists gets, in the resolved graph, a copy of one of its
 * snapshots: the one shown by the list of the item published last (then the smallest IRI).</li>
 * <li>A provider or topic without a profile file of its own gets its name from the snapshot of it
 * that the most descriptions give (then the smallest IRI).</li>
 * </ul>
 * The choice depends only on what the store holds about the node, so resolving the nodes touched
 * by a change gives the same store as a full build, which makes the same choices while it streams
 * ({@link StreamedResolution}).
 */
final class Resolver {

    private static final Set<Node> NOT_COPIED = Set.of(Vocab.TYPE, Vocab.LABEL, Vocab.NG_SNAPSHOT_OF, Vocab.NG_EXTRA);
    static final String MEMBER_PREFIX = RDF.getURI() + "_";

    /** How a provider or a topic without a profile gets its description from a snapshot of it. */
    record Named(Node snapshotType, List<Node> references, List<Node> copied) {
    }

    static final Named PROVIDER = new Named(Vocab.NG_PROVIDER_SNAPSHOT, List.of(Vocab.NG_PUBLISHER_AS_GIVEN),
            List.of(Vocab.SCHEMA_NAME, Vocab.SCHEMA_LOGO, Vocab.NG_LOGO_AS_GIVEN));
    static final Named TOPIC = new Named(Vocab.NG_TOPIC_SNAPSHOT,
            List.of(Vocab.NG_TOPIC_AS_GIVEN, Vocab.NG_BROADER_AS_GIVEN), List.of(Vocab.SKOS_PREF_LABEL));

    private final DatasetGraph dsg;
    private final IriMinter iris;
    private final Node resolvedGraph;
    private final Node sharedGraph;

    Resolver(DatasetGraph dsg, IriMinter iris) {
        this.dsg = dsg;
        this.iris = iris;
        this.resolvedGraph = iris.resolvedGraph();
        this.sharedGraph = iris.sharedGraph();
    }

    /** What resolution reads from a file's graph (with the list slots, {@code rdf:_N}). */
    private static final Set<Node> READ_FROM_FILES = Set.of(Vocab.NG_DESCRIBES, Vocab.SCHEMA_DATE_PUBLISHED,
            Vocab.NG_PUBLISHER_AS_GIVEN, Vocab.NG_TOPIC_AS_GIVEN, Vocab.NG_BROADER_AS_GIVEN);

    /**
     * True if replacing a file's {@code stored} graph by {@code wanted} can change the resolution
     * of anything but the items the file describes: which files claim an item and when they were
     * published, which snapshots its lists show, and which snapshots of providers and topics it
     * gives. A file whose headline or description changed leaves the other 30-odd items, the
     * providers and the topics it speaks of as they were.
     */
    static boolean changesOthers(Node graph, Set<Quad> stored, Collection<Quad> wanted) {
        // A duplicate's statements are stored on its duplicate-snapshot node: compare them as mapped.
        Node duplicate = duplicate(graph);
        Node item = null;
        for (Quad q : stored) {
            if (q.getPredicate().equals(Vocab.NG_DESCRIBES) && q.getSubject().equals(graph)) {
                item = q.getObject();
            }
        }
        Set<Quad> before = new HashSet<>();
        for (Quad q : stored) {
            if (readByResolution(q)) {
                before.add(item != null && q.getSubject().equals(duplicate)
                        ? Quad.create(graph, item, q.getPredicate(), q.getObject()) : q);
            }
        }
        Set<Quad> after = new HashSet<>();
        for (Quad q : wanted) {
            if (readByResolution(q)) {
                after.add(q);
            }
        }
        return !before.equals(after);
    }

    private static boolean readByResolution(Quad q) {
        return READ_FROM_FILES.contains(q.getPredicate()) || q.getPredicate().getURI().startsWith(MEMBER_PREFIX);
    }

    /** The items a file's graph claims ({@code ng:describes}). */
    static void describedBy(Collection<Quad> quads, Set<Node> into) {
        for (Quad q : quads) {
            if (q.getPredicate().equals(Vocab.NG_DESCRIBES)) {
                into.add(q.getObject());
            }
        }
    }

    /** Every item, provider and topic the store speaks of. Call inside a transaction. */
    Set<Node> all() {
        Set<Node> nodes = new HashSet<>();
        dsg.find(Node.ANY, Node.ANY, Vocab.NG_DESCRIBES, Node.ANY).forEachRemaining(q -> nodes.add(q.getObject()));
        dsg.find(sharedGraph, Node.ANY, Vocab.NG_SNAPSHOT_OF, Node.ANY).forEachRemaining(q -> nodes.add(q.getObject()));
        nodes.removeIf(n -> !(iris.isItem(n) || iris.isProvider(n) || iris.isTopic(n)));
        return nodes;
    }

    /**
     * Resolves {@code nodes}. Only what changes in the resolved graph is written, so resolving an
     * unchanged node costs reads only. Call inside a write transaction.
     */
    void resolve(Collection<Node> nodes) {
        for (Node node : nodes) {
            List<Quad> resolved = new ArrayList<>();
            if (iris.isItem(node)) {
                resolveItem(node, resolved);
            } else if (iris.isProvider(node)) {
                resolveNamed(node, PROVIDER, resolved);
            } else if (iris.isTopic(node)) {
                resolveNamed(node, TOPIC, resolved);
            }
            QuadDiff.replace(dsg, QuadDiff.stored(dsg, resolvedGraph, node), resolved);
        }
    }

    private void resolveItem(Node item, List<Quad> resolved) {
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
        List<Node> snapshots = snapshotsOf(item, Vocab.NG_RELATED_SNAPSHOT);
        if (snapshots.isEmpty()) {
            return;
        }
        Node chosen = snapshots.get(0);
        if (snapshots.size() > 1) {
            snapshots.sort(Comparator.comparingLong((Node s) -> -latestListing(s)).thenComparing(Node::getURI));
            chosen = snapshots.get(0);
        }
        resolved.addAll(itemFromSnapshot(resolvedGraph, item, chosen, triples(sharedGraph, chosen)));
    }

    /**
     * True if a snapshot last listed at {@code time} (epoch ms, {@link Long#MIN_VALUE} if never by
     * a dated item) is to be chosen over one last listed at {@code bestTime}: the later, then the
     * smaller IRI.
     */
    static boolean listedLater(long time, Node snapshot, long bestTime, Node best) {
        return time > bestTime || (time == bestTime && snapshot.getURI().compareTo(best.getURI()) < 0);
    }

    /** True if a snapshot {@code uses} descriptions give is to be chosen over one {@code bestUses} give. */
    static boolean moreUsed(long uses, Node snapshot, long bestUses, Node best) {
        return best == null || uses > bestUses || (uses == bestUses && snapshot.getURI().compareTo(best.getURI()) < 0);
    }

    /** What the resolved graph says of an item known only from related lists, given the chosen snapshot. */
    static List<Quad> itemFromSnapshot(Node resolvedGraph, Node item, Node snapshot, List<Triple> snapshotTriples) {
        List<Quad> quads = new ArrayList<>();
        for (Triple t : snapshotTriples) {
            if (!NOT_COPIED.contains(t.getPredicate())) {
                quads.add(Quad.create(resolvedGraph, item, t.getPredicate(), t.getObject()));
            }
        }
        quads.addAll(derived(resolvedGraph, item, snapshotTriples));
        quads.add(Quad.create(resolvedGraph, item, Vocab.NG_DESCRIBED_BY_SNAPSHOT, snapshot));
        return quads;
    }

    /** What the resolved graph says of a provider or topic without a profile, given the chosen snapshot. */
    static List<Quad> namedFromSnapshot(Node resolvedGraph, Node node, Named kind, Node snapshot,
            List<Triple> snapshotTriples) {
        List<Quad> quads = new ArrayList<>();
        for (Triple t : snapshotTriples) {
            if (kind.copied().contains(t.getPredicate())) {
                quads.add(Quad.create(resolvedGraph, node, t.getPredicate(), t.getObject()));
            }
        }
        quads.add(Quad.create(resolvedGraph, node, Vocab.NG_DESCRIBED_BY_SNAPSHOT, snapshot));
        return quads;
    }

    /**
     * A provider or topic: a profile file of its own is authoritative; else the snapshot most
     * descriptions give lends it the {@code copied} properties.
     */
    private void resolveNamed(Node node, Named kind, List<Quad> resolved) {
        if (dsg.contains(Node.ANY, Node.ANY, Vocab.NG_DESCRIBES, node)) {
            return;
        }
        Node chosen = null;
        long chosenUses = -1;
        for (Node s : snapshotsOf(node, kind.snapshotType())) {
            long uses = 0;
            for (Node p : kind.references()) {
                uses += countOutsideResolved(dsg.find(Node.ANY, Node.ANY, p, s));
            }
            if (moreUsed(uses, s, chosenUses, chosen)) {
                chosen = s;
                chosenUses = uses;
            }
        }
        if (chosen != null) {
            resolved.addAll(namedFromSnapshot(resolvedGraph, node, kind, chosen, triples(sharedGraph, chosen)));
        }
    }

    private long countOutsideResolved(Iterator<Quad> it) {
        long n = 0;
        while (it.hasNext()) {
            if (!it.next().getGraph().equals(resolvedGraph)) {
                n++;
            }
        }
        return n;
    }

    /** The snapshots of {@code node} of one type, in the shared graph. */
    private List<Node> snapshotsOf(Node node, Node type) {
        List<Node> snapshots = new ArrayList<>();
        dsg.find(sharedGraph, Node.ANY, Vocab.NG_SNAPSHOT_OF, node).forEachRemaining(q -> {
            if (dsg.contains(sharedGraph, q.getSubject(), Vocab.TYPE, type)) {
                snapshots.add(q.getSubject());
            }
        });
        return snapshots;
    }

    /** When the last item whose related list shows {@code snapshot} was published (epoch ms). */
    private long latestListing(Node snapshot) {
        long latest = Long.MIN_VALUE;
        Iterator<Quad> holders = dsg.find(Node.ANY, Node.ANY, Node.ANY, snapshot);
        while (holders.hasNext()) {
            Quad q = holders.next();
            if (q.getPredicate().getURI().startsWith(MEMBER_PREFIX)) {
                long t = itemTime(q.getGraph());
                if (t < UNDATED) {
                    latest = Math.max(latest, t);
                }
            }
        }
        return latest;
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
                long t = epochMillis(dates.next().getObject());
                if (t != UNDATED) {
                    return t;
                }
            }
        }
        return UNDATED;
    }

    /** An item without a usable publication date: sorted after every dated one. */
    static final long UNDATED = Long.MAX_VALUE - 1;

    /** A publication date as epoch ms, or {@link #UNDATED}. */
    static long epochMillis(Node date) {
        if (date.isLiteral() && date.getLiteralValue() instanceof XSDDateTime dt) {
            try {
                return dt.asCalendar().getTimeInMillis();
            } catch (RuntimeException e) {
                // A date without a time zone, or a bare date: undated.
            }
        }
        return UNDATED;
    }

    /** Moves graph {@code g}'s statements about {@code item} onto its duplicate-snapshot node. */
    private void demote(Node g, Node item) {
        Node d = duplicate(g);
        move(g, item, d, Set.of(Vocab.TYPE, Vocab.LABEL));
        dsg.add(g, d, Vocab.TYPE, Vocab.NG_DUPLICATE_SNAPSHOT);
        dsg.add(g, d, Vocab.NG_SNAPSHOT_OF, item);
    }

    /** Undoes {@link #demote}: exactly what mapping the file would have written. */
    private void promote(Node g, Node item) {
        move(g, duplicate(g), item, Set.of(Vocab.TYPE, Vocab.NG_SNAPSHOT_OF));
        derived(g, item, triples(g, item)).forEach(dsg::add);
    }

    /** Moves graph {@code g}'s statements about {@code from} onto {@code to}, dropping the {@code dropped} properties. */
    private void move(Node g, Node from, Node to, Set<Node> dropped) {
        for (Quad q : quads(g, from)) {
            dsg.delete(q);
            if (!dropped.contains(q.getPredicate())) {
                dsg.add(g, to, q.getPredicate(), q.getObject());
            }
        }
    }

    /** The types (from {@code ng:itemType}) and label (the headline) of a description, in {@code target}. */
    private static List<Quad> derived(Node target, Node item, List<Triple> description) {
        List<Quad> quads = new ArrayList<>();
        for (Node type : ItemTypes.classesFor(firstLexical(description, Vocab.NG_ITEM_TYPE))) {
            quads.add(Quad.create(target, item, Vocab.TYPE, type));
        }
        String headline = firstLexical(description, Vocab.SCHEMA_HEADLINE);
        if (headline != null) {
            quads.add(Quad.create(target, item, Vocab.LABEL, NodeFactory.createLiteralString(headline)));
        }
        return quads;
    }

    private static String firstLexical(List<Triple> description, Node p) {
        for (Triple t : description) {
            if (t.getPredicate().equals(p)) {
                return t.getObject().getLiteralLexicalForm();
            }
        }
        return null;
    }

    private List<Triple> triples(Node g, Node s) {
        List<Triple> triples = new ArrayList<>();
        dsg.find(g, s, Node.ANY, Node.ANY).forEachRemaining(q -> triples.add(q.asTriple()));
        return triples;
    }

    private List<Quad> quads(Node g, Node s) {
        List<Quad> quads = new ArrayList<>();
        dsg.find(g, s, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        return quads;
    }
}
