package org.newsgraph.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.mapping.Vocab;

/**
 * The neighbourhood of an item, provider or topic: the nodes one and two steps out along
 * {@code ng:related}, {@code schema:publisher}, {@code schema:about} and {@code skos:broader} /
 * {@code skos:narrower}, in both directions, read from the union of the named graphs.
 *
 * <p>Bounded, because a provider or topic can have thousands of items: each node expanded adds at
 * most {@code perNode} new neighbours (providers and topics first, then items newest first), and
 * the whole view holds at most {@code total} nodes. What is left out is counted, per node, in
 * {@link Vertex#more()}, and flagged in {@link View#truncated()}.
 */
final class Neighbourhood {

    static final int MAX_DEPTH = 2;
    static final int PER_NODE = 30;
    static final int TOTAL = 300;
    /** Neighbours to check, at one node, from which scanning for items may pay (see {@link Walk}). */
    static final int BULK = 200;
    /** Rows a scan may read for each point lookup it saves. */
    static final int SCAN_PER_LOOKUP = 8;

    enum Kind { item, provider, topic }

    enum EdgeKind { related, publisher, about, broader }

    /**
     * A node of the view. {@code step}: how many steps out from the start it is; {@code more}: how
     * many of its neighbours were left out when it was expanded (0 if none, or if not expanded).
     */
    record Vertex(String id, String label, Kind kind, String date, int step, int more) {
    }

    /** An edge, always in the direction of the statement ({@code broader}: narrower to broader). */
    record Edge(String source, String target, EdgeKind kind) {
    }

    /**
     * The view: the start node first, then the others in the order they were reached; the edges of
     * the nodes less than {@code depth} steps out (the ones expanded) to the nodes drawn.
     */
    record View(String start, int depth, boolean truncated, List<Vertex> nodes, List<Edge> edges) {
        View {
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
        }
    }

    /** One way to a neighbour: a property, its direction, and what the neighbour must be. */
    private record Step(Node property, boolean outgoing, Kind reaches, EdgeKind edge) {
    }

    private static final Map<Kind, List<Step>> STEPS = Map.of(
            Kind.item, List.of(
                    new Step(Vocab.SCHEMA_PUBLISHER, true, Kind.provider, EdgeKind.publisher),
                    new Step(Vocab.SCHEMA_ABOUT, true, Kind.topic, EdgeKind.about),
                    new Step(Vocab.NG_RELATED, true, Kind.item, EdgeKind.related),
                    new Step(Vocab.NG_RELATED, false, Kind.item, EdgeKind.related)),
            Kind.provider, List.of(
                    new Step(Vocab.SCHEMA_PUBLISHER, false, Kind.item, EdgeKind.publisher)),
            Kind.topic, List.of(
                    new Step(Vocab.SKOS_BROADER, true, Kind.topic, EdgeKind.broader),
                    new Step(Vocab.SKOS_NARROWER, false, Kind.topic, EdgeKind.broader),
                    new Step(Vocab.SKOS_BROADER, false, Kind.topic, EdgeKind.broader),
                    new Step(Vocab.SKOS_NARROWER, true, Kind.topic, EdgeKind.broader),
                    new Step(Vocab.SCHEMA_ABOUT, false, Kind.item, EdgeKind.about)));

    private static final Map<Kind, Node> TYPES = Map.of(Kind.item, Vocab.SCHEMA_CREATIVE_WORK,
            Kind.provider, Vocab.SCHEMA_ORGANIZATION, Kind.topic, Vocab.SKOS_CONCEPT);

    private final int perNode;
    private final int total;
    private final int bulk;
    private final int scanPerLookup;
    /** The items of providers and topics newest first, kept per store state; null: read them each time. */
    private final NewsLists lists;

    /** A view of at most {@code total} nodes, each node expanded adding at most {@code perNode}. */
    Neighbourhood(int perNode, int total) {
        this(perNode, total, BULK, SCAN_PER_LOOKUP);
    }

    /** With the thresholds of the scans too, so that a test can make a small store take either way. */
    Neighbourhood(int perNode, int total, int bulk, int scanPerLookup) {
        this(perNode, total, bulk, scanPerLookup, null);
    }

    private Neighbourhood(int perNode, int total, int bulk, int scanPerLookup, NewsLists lists) {
        if (perNode < 1 || total < 1) {
            throw new IllegalArgumentException("limits must be positive: " + perNode + ", " + total);
        }
        this.perNode = perNode;
        this.total = total;
        this.bulk = bulk;
        this.scanPerLookup = scanPerLookup;
        this.lists = lists;
    }

    /**
     * The server's: a provider's or topic's items come from {@code lists}, sorted once per store
     * state (a topic of 300,000 items took 4-5 s a view, sorted anew each time).
     */
    Neighbourhood(NewsLists lists) {
        this(PER_NODE, TOTAL, BULK, SCAN_PER_LOOKUP, lists);
    }

    int perNode() {
        return perNode;
    }

    int total() {
        return total;
    }

    /** What {@code node} is, or null if it is not an item, provider or topic. Inside a read transaction. */
    static Kind kindOf(DatasetGraph dsg, Node node) {
        for (Kind k : Kind.values()) {
            if (is(dsg, node, k)) {
                return k;
            }
        }
        return null;
    }

    private static boolean is(DatasetGraph dsg, Node node, Kind kind) {
        return dsg.contains(Node.ANY, node, Vocab.TYPE, TYPES.get(kind));
    }

    /** True if the store says anything of {@code node}, as subject or object. Inside a read transaction. */
    static boolean known(DatasetGraph dsg, Node node) {
        return dsg.contains(Node.ANY, node, Node.ANY, Node.ANY) || dsg.contains(Node.ANY, Node.ANY, Node.ANY, node);
    }

    /**
     * The neighbourhood of {@code start}, {@code depth} steps out; null if it is not an item,
     * provider or topic. Inside a read transaction.
     */
    View of(DatasetGraph dsg, Node start, int depth) {
        return new Walk(dsg).from(start, depth);
    }

    /**
     * One reading of the store. The item sets of neighbours overlap a lot (related items relate
     * to each other), so what a node is and its date are looked up once per view.
     *
     * <p>A point lookup costs about ten times a row of a scan. So when one node has many
     * neighbours to check (a provider with 1,500 items, and as many snapshots naming it), the
     * kinds and dates of all items are read by two scans instead, as long as those scans are not
     * much longer than the lookups they replace (on a large store they are, and lookups stay).
     */
    private final class Walk {
        private final DatasetGraph dsg;
        private final Map<Node, Optional<Kind>> kinds = new HashMap<>();
        private final Map<Node, Optional<String>> dates = new HashMap<>();
        private final Map<Node, Instant> instants = new HashMap<>();
        private boolean scanned;
        /** True once {@link #scanItems} has read every item: a node it did not see is no item. */
        private boolean knowAllItems;

        Walk(DatasetGraph dsg) {
            this.dsg = dsg;
        }

        View from(Node start, int depth) {
            Kind startKind = kind(start);
            if (startKind == null) {
                return null;
            }
            Map<Node, Drawn> drawn = new LinkedHashMap<>();
            Set<Edge> edges = new LinkedHashSet<>();
            drawn.put(start, new Drawn(startKind, 0));
            boolean truncated = false;
            List<Node> frontier = List.of(start);
            for (int step = 1; step <= depth; step++) {
                List<Node> next = new ArrayList<>();
                for (Node n : frontier) {
                    Drawn from = drawn.get(n);
                    int added = 0;
                    int left = 0;
                    for (Neighbour nb : neighbours(n, from.kind, drawn)) {
                        if (!drawn.containsKey(nb.node)) {
                            if (added >= perNode || drawn.size() >= total) {
                                left++;
                                continue;
                            }
                            drawn.put(nb.node, new Drawn(nb.kind, step));
                            next.add(nb.node);
                            added++;
                        }
                        edges.addAll(nb.edges);
                    }
                    from.more = left;
                    truncated |= left > 0;
                }
                frontier = next;
            }
            List<Vertex> vertices = new ArrayList<>(drawn.size());
            drawn.forEach((n, d) -> vertices.add(new Vertex(n.getURI(), label(dsg, n),
                    d.kind, d.kind == Kind.item ? date(n) : null, d.step, d.more)));
            return new View(start.getURI(), depth, truncated, vertices, new ArrayList<>(edges));
        }

        /** A statement joining a node to a neighbour, by one of the node's {@link Step}s. */
        private record Link(Step step, Node other) {
        }

        /**
         * The neighbours of {@code n} in the order they are drawn: those already drawn (they cost
         * nothing), then providers and topics (few), then items newest first (undated ones last),
         * ties by IRI so that the view is the same every time.
         */
        private List<Neighbour> neighbours(Node n, Kind kind, Map<Node, Drawn> drawn) {
            List<Link> links = new ArrayList<>();
            Set<Node> unknown = new HashSet<>();
            for (Step s : STEPS.get(kind)) {
                if (lists != null && !s.outgoing && s.reaches == Kind.item && (s.property.equals(Vocab.SCHEMA_PUBLISHER)
                        || s.property.equals(Vocab.SCHEMA_ABOUT))) {
                    // Known items, newest first: nothing to look up.
                    for (NewsLists.Dated d : lists.itemsNewestFirst(dsg, s.property, n)) {
                        links.add(new Link(s, d.item()));
                        kinds.putIfAbsent(d.item(), Optional.of(Kind.item));
                        dates.putIfAbsent(d.item(), Optional.ofNullable(d.date()));
                        instants.putIfAbsent(d.item(), d.instant());
                    }
                    continue;
                }
                Iterator<Quad> it = s.outgoing ? dsg.find(Node.ANY, n, s.property, Node.ANY)
                        : dsg.find(Node.ANY, Node.ANY, s.property, n);
                // The same statement in several graphs (a file's and the resolved one) is one edge.
                Set<Node> seen = new LinkedHashSet<>();
                while (it.hasNext()) {
                    Quad q = it.next();
                    Node other = s.outgoing ? q.getObject() : q.getSubject();
                    if (other.isURI() && !other.equals(n) && seen.add(other)) {
                        links.add(new Link(s, other));
                        if (!drawn.containsKey(other) && !kinds.containsKey(other)) {
                            unknown.add(other);
                        }
                    }
                }
            }
            if (unknown.size() >= bulk) {
                scanItems(unknown.size());
            }
            Map<Node, Neighbour> found = new LinkedHashMap<>();
            for (Link l : links) {
                Step s = l.step;
                Node other = l.other;
                // Snapshots carry an item's properties too (schema:publisher, ng:related): only
                // nodes of the right type count.
                Drawn d = drawn.get(other);
                if (!reaches(other, s.reaches, d)) {
                    continue;
                }
                Node source = s.outgoing ? n : other;
                Node target = s.outgoing ? other : n;
                if (s.property.equals(Vocab.SKOS_NARROWER)) {
                    Node swap = source;
                    source = target;
                    target = swap;
                }
                Edge e = new Edge(source.getURI(), target.getURI(), s.edge);
                Neighbour nb = found.computeIfAbsent(other, k -> new Neighbour(k, s.reaches, new ArrayList<>(2),
                        d != null || s.reaches != Kind.item ? null : instantOf(k)));
                if (!nb.edges.contains(e)) {
                    nb.edges.add(e);
                }
            }
            List<Neighbour> all = new ArrayList<>(found.values());
            all.sort(Comparator.comparing((Neighbour nb) -> !drawn.containsKey(nb.node))
                    .thenComparing(nb -> nb.kind == Kind.item)
                    .thenComparing(Neighbour::date, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(nb -> nb.node.getURI()));
            return all;
        }

        /**
         * Reads which nodes are items, and their dates, by scanning, unless the scans would read
         * more than {@code scanPerLookup} rows for each of the {@code lookups} they replace.
         * Once per view: after it, every item is known.
         */
        private void scanItems(int lookups) {
            if (scanned) {
                return;
            }
            scanned = true;
            long budget = (long) scanPerLookup * lookups;
            Set<Node> items = new HashSet<>();
            if (!scan(dsg.find(Node.ANY, Node.ANY, Vocab.TYPE, TYPES.get(Kind.item)), budget,
                    q -> items.add(q.getSubject()))) {
                return;
            }
            Map<Node, String> found = new HashMap<>();
            if (!scan(dsg.find(Node.ANY, Node.ANY, Vocab.SCHEMA_DATE_PUBLISHED, Node.ANY), budget, q -> {
                if (q.getObject().isLiteral() && items.contains(q.getSubject())) {
                    found.putIfAbsent(q.getSubject(), q.getObject().getLiteralLexicalForm());
                }
            })) {
                return;
            }
            for (Node item : items) {
                kinds.put(item, Optional.of(Kind.item));
                dates.put(item, Optional.ofNullable(found.get(item)));
            }
            knowAllItems = true;
        }

        /** Feeds the rows of {@code it} to {@code row}; false (and stops) past {@code budget} rows. */
        private boolean scan(Iterator<Quad> it, long budget, java.util.function.Consumer<Quad> row) {
            long n = 0;
            while (it.hasNext()) {
                if (++n > budget) {
                    org.apache.jena.atlas.iterator.Iter.close(it);
                    return false;
                }
                row.accept(it.next());
            }
            return true;
        }

        /** True if {@code other} is a {@code kind}; {@code drawn} is its drawing, if it has one. */
        private boolean reaches(Node other, Kind kind, Drawn drawn) {
            if (drawn != null) {
                return drawn.kind == kind;
            }
            if (kind == Kind.item && knowAllItems && !kinds.containsKey(other)) {
                return false;
            }
            return kind(other) == kind;
        }

        private Kind kind(Node n) {
            return kinds.computeIfAbsent(n, k -> Optional.ofNullable(kindOf(dsg, k))).orElse(null);
        }

        private Instant instantOf(Node item) {
            Instant known = instants.get(item);
            return known != null ? known : NewsLists.instant(date(item));
        }

        private String date(Node item) {
            return dates.computeIfAbsent(item, k -> Optional.ofNullable(Neighbourhood.date(dsg, k))).orElse(null);
        }
    }

    /** A node as it is drawn; {@code more} is set when it is expanded. */
    private static final class Drawn {
        final Kind kind;
        final int step;
        int more;

        Drawn(Kind kind, int step) {
            this.kind = kind;
            this.step = step;
        }
    }

    /**
     * A neighbour and the edges (one or more: A related B and B related A) that join it to the
     * node; {@code date} orders new items (null for the others).
     */
    private record Neighbour(Node node, Kind kind, List<Edge> edges, Instant date) {
    }

    private static String label(DatasetGraph dsg, Node n) {
        return NodeDescription.labelText(dsg, n, n.getURI());
    }

    /** An item's {@code schema:datePublished}, as written; null if it has none. */
    private static String date(DatasetGraph dsg, Node item) {
        Iterator<Quad> it = dsg.find(Node.ANY, item, Vocab.SCHEMA_DATE_PUBLISHED, Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isLiteral()) {
                return o.getLiteralLexicalForm();
            }
        }
        return null;
    }
}
