package org.newsgraph.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.newsgraph.mapping.Vocab;

/**
 * What an item's page shows first: the item as its own file says (headline, date, provider,
 * topics, images, description, URLs), its related list in order, and the snapshots of it in other
 * files' related lists that disagree with its own file. Read inside a read transaction.
 */
record ItemView(Node item, String headline, String date, String type, Link provider, List<Link> topics,
        List<Image> images, String description, List<Link> urls, String embedUrl, List<Related> related,
        List<Disagreement> disagreements) {

    /** A node with its label, or a web address with what it is. */
    record Link(String iri, String label) {
    }

    record Image(String url, String caption) {
    }

    /**
     * An entry of the item's related list: its position, the item it shows (as the item's own file
     * says), and the headline and date the entry gives where they differ from those, else null.
     */
    record Related(int position, ItemSummary item, String listedHeadline, String listedDate) {
    }

    /** A snapshot of this item that says something else than its file: the values that differ. */
    record Disagreement(String snapshot, Map<String, String> values, int lists) {
    }

    /** What a snapshot holds that is not the item's own description. */
    private static final List<Node> NOT_COMPARED = List.of(Vocab.TYPE, Vocab.NG_SNAPSHOT_OF, Vocab.NG_PUBLISHER_AS_GIVEN,
            Vocab.NG_IMAGE_AS_GIVEN, Vocab.NG_TOPIC_AS_GIVEN, Vocab.NG_EXTRA, Vocab.LABEL);
    private static final String SLOT = RDF.getURI() + "_";

    static ItemView read(DatasetGraph dsg, Node item) {
        Graph g = dsg.getUnionGraph();
        Link provider = first(g, item, Vocab.SCHEMA_PUBLISHER).map(p -> link(dsg, p)).orElse(null);
        List<Link> topics = objects(g, item, Vocab.SCHEMA_ABOUT).stream().map(t -> link(dsg, t))
                .sorted(Comparator.comparing(Link::label)).toList();
        List<Image> images = new ArrayList<>();
        for (Node image : objects(g, item, Vocab.SCHEMA_IMAGE)) {
            String url = NodeDescription.value(g, image, Vocab.SCHEMA_CONTENT_URL);
            if (url != null) {
                images.add(new Image(url, caption(g, item, image)));
            }
        }
        List<Link> urls = new ArrayList<>();
        for (Object[] u : new Object[][] {{Vocab.SCHEMA_URL, "Web page"}, {Vocab.NG_ORIGINAL_URL, "Original"},
                {Vocab.NG_AMP_URL, "AMP page"}, {Vocab.NG_CDN_AMP_URL, "AMP cache"}}) {
            for (Node n : objects(g, item, (Node) u[0])) {
                urls.add(new Link(n.isURI() ? n.getURI() : n.getLiteralLexicalForm(), (String) u[1]));
            }
        }
        return new ItemView(item, NodeDescription.value(g, item, Vocab.SCHEMA_HEADLINE), NodeDescription.value(g, item, Vocab.SCHEMA_DATE_PUBLISHED),
                NodeDescription.value(g, item, Vocab.NG_ITEM_TYPE), provider, topics, images, NodeDescription.value(g, item, Vocab.SCHEMA_DESCRIPTION),
                urls, NodeDescription.value(g, item, Vocab.SCHEMA_EMBED_URL), related(dsg, g, item), disagreements(dsg, g, item));
    }

    /** The entries of the item's related list in list order, each showing the listed item's own description. */
    private static List<Related> related(DatasetGraph dsg, Graph g, Node item) {
        TreeMap<Integer, Node> slots = new TreeMap<>();
        for (Node list : objects(g, item, Vocab.NG_RELATED_LIST)) {
            g.find(list, Node.ANY, Node.ANY).forEachRemaining(t -> {
                String p = t.getPredicate().getURI();
                if (p.startsWith(SLOT)) {
                    try {
                        slots.putIfAbsent(Integer.parseInt(p.substring(SLOT.length())), t.getObject());
                    } catch (NumberFormatException e) {
                        // not a member slot
                    }
                }
            });
            if (!slots.isEmpty()) {
                break; // an item in several files (same URL) shows the list of the one that describes it
            }
        }
        List<Related> related = new ArrayList<>();
        slots.forEach((position, snapshot) -> {
            Node listed = first(g, snapshot, Vocab.NG_SNAPSHOT_OF).orElse(snapshot);
            ItemSummary own = ItemSummary.read(dsg, g, listed);
            String headline = NodeDescription.value(g, snapshot, Vocab.SCHEMA_HEADLINE);
            String date = NodeDescription.value(g, snapshot, Vocab.SCHEMA_DATE_PUBLISHED);
            related.add(new Related(position, own, headline == null || headline.equals(own.headline()) ? null : headline,
                    date == null || date.equals(own.date()) ? null : date));
        });
        return related;
    }

    private static List<Disagreement> disagreements(DatasetGraph dsg, Graph g, Node item) {
        List<Disagreement> found = new ArrayList<>();
        for (Triple t : g.find(Node.ANY, Vocab.NG_SNAPSHOT_OF, item).toList()) {
            Node snapshot = t.getSubject();
            if (!g.contains(snapshot, Vocab.TYPE, Vocab.NG_RELATED_SNAPSHOT)) {
                continue;
            }
            Map<String, String> differing = new LinkedHashMap<>();
            for (Triple s : g.find(snapshot, Node.ANY, Node.ANY).toList()) {
                if (!NOT_COMPARED.contains(s.getPredicate()) && !g.contains(item, s.getPredicate(), s.getObject())) {
                    differing.merge(s.getPredicate().getURI(), text(s.getObject()), (a, b) -> a + "; " + b);
                }
            }
            if (!differing.isEmpty()) {
                int lists = (int) dsg.stream(Node.ANY, Node.ANY, Node.ANY, snapshot)
                        .filter(q -> q.getPredicate().getURI().startsWith(SLOT)).count();
                found.add(new Disagreement(snapshot.getURI(), differing, lists));
            }
        }
        found.sort(Comparator.comparing(Disagreement::lists).reversed().thenComparing(Disagreement::snapshot));
        return found;
    }

    private static String caption(Graph g, Node item, Node image) {
        for (Node snapshot : objects(g, item, Vocab.NG_IMAGE_AS_GIVEN)) {
            if (g.contains(snapshot, Vocab.NG_SNAPSHOT_OF, image)) {
                String caption = NodeDescription.value(g, snapshot, Vocab.SCHEMA_CAPTION);
                if (caption != null) {
                    return caption;
                }
            }
        }
        return null;
    }

    private static Link link(DatasetGraph dsg, Node n) {
        return new Link(n.isURI() ? n.getURI() : n.toString(), NodeDescription.labelText(dsg, n, n.toString()));
    }

    private static java.util.Optional<Node> first(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? java.util.Optional.of(it.next().getObject()) : java.util.Optional.empty();
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
    }

    private static String text(Node n) {
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }
}
