package org.newsgraph.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newsgraph.mapping.Vocab;

/**
 * A provider or a topic as its page shows it: its name, what is known of it, its logos, and for a
 * topic its place in the topic tree (broader and narrower topics, whichever side states the link).
 * Read inside a read transaction.
 */
record CollectionView(Node node, boolean topic, String name, Map<String, List<String>> facts, List<String> logos,
        List<ItemView.Link> broader, List<ItemView.Link> narrower) {

    /** The property by which items belong to it. */
    Node itemLink() {
        return topic ? Vocab.SCHEMA_ABOUT : Vocab.SCHEMA_PUBLISHER;
    }

    static CollectionView read(DatasetGraph dsg, Node node, boolean topic, String fallbackName) {
        Graph g = dsg.getUnionGraph();
        Map<String, List<String>> facts = new LinkedHashMap<>();
        if (topic) {
            fact(facts, "Also called", g, node, Vocab.SKOS_ALT_LABEL);
            fact(facts, "Short name", g, node, Vocab.NG_SHORT_NAME);
            fact(facts, "Hashtag", g, node, Vocab.NG_HASHTAG);
            fact(facts, "Notation", g, node, Vocab.SKOS_NOTATION);
        } else {
            fact(facts, "Also called", g, node, Vocab.SCHEMA_ALTERNATE_NAME);
            fact(facts, "Web site", g, node, Vocab.SCHEMA_URL);
            fact(facts, "Domain", g, node, Vocab.NG_DOMAIN);
            fact(facts, "About", g, node, Vocab.SCHEMA_DESCRIPTION);
        }
        List<String> logos = new ArrayList<>();
        for (Node logo : objects(g, node, Vocab.SCHEMA_LOGO)) {
            objects(g, logo, Vocab.SCHEMA_CONTENT_URL).stream().filter(Node::isURI).forEach(u -> logos.add(u.getURI()));
        }
        Set<Node> broader = new LinkedHashSet<>(objects(g, node, Vocab.SKOS_BROADER));
        g.find(Node.ANY, Vocab.SKOS_NARROWER, node).forEachRemaining(t -> broader.add(t.getSubject()));
        Set<Node> narrower = new LinkedHashSet<>(objects(g, node, Vocab.SKOS_NARROWER));
        g.find(Node.ANY, Vocab.SKOS_BROADER, node).forEachRemaining(t -> narrower.add(t.getSubject()));
        return new CollectionView(node, topic, NodeDescription.labelText(dsg, node, fallbackName), facts, logos,
                links(dsg, broader), links(dsg, narrower));
    }

    private static List<ItemView.Link> links(DatasetGraph dsg, Set<Node> nodes) {
        return nodes.stream().filter(Node::isURI)
                .map(n -> new ItemView.Link(n.getURI(), NodeDescription.labelText(dsg, n, n.getURI())))
                .sorted(Comparator.comparing(ItemView.Link::label)).toList();
    }

    private static void fact(Map<String, List<String>> facts, String name, Graph g, Node s, Node p) {
        List<String> values = objects(g, s, p).stream()
                .map(o -> o.isLiteral() ? o.getLiteralLexicalForm() : o.isURI() ? o.getURI() : o.toString()).sorted().toList();
        if (!values.isEmpty()) {
            facts.put(name, values);
        }
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
    }
}
