package org.newsgraph.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newsgraph.mapping.Vocab;

/**
 * The choices of a topic or provider parameter: the store's topics or providers that items name,
 * most used first, at most {@value #MAX}, each shown by its label and number of items.
 */
final class ParameterOptions {

    static final int MAX = 200;

    /** One choice: the node, and the text the list shows for it. */
    record Option(Node node, String text) {
    }

    private ParameterOptions() {
    }

    /** The choices for {@code kind}, with {@code current} among them; call inside a read transaction. */
    static List<Option> of(QueryParameter.Kind kind, Node current, DatasetGraph dsg, NewsLists lists) {
        List<Node> nodes = new ArrayList<>();
        Map<Node, String> labels = new HashMap<>();
        Map<Node, Long> items = new HashMap<>();
        Node link = kind == QueryParameter.Kind.TOPIC ? Vocab.SCHEMA_ABOUT : Vocab.SCHEMA_PUBLISHER;
        for (NewsLists.Count c : lists.mostUsed(dsg, link, MAX)) {
            Node n = NodeFactory.createURI(c.iri());
            nodes.add(n);
            labels.put(n, c.label() == null ? c.iri() : c.label());
            items.put(n, c.items());
        }
        if (current != null && !nodes.contains(current)) {
            // A value beyond the first MAX (or one with no items) is still shown as chosen.
            nodes.add(0, current);
            labels.put(current, NodeDescription.labelText(dsg, current, current.getURI()));
        }
        Map<String, Integer> sameLabel = new HashMap<>();
        labels.values().forEach(l -> sameLabel.merge(l, 1, Integer::sum));
        List<Option> options = new ArrayList<>();
        for (Node n : nodes) {
            String label = labels.get(n);
            // Two providers can share a name: the end of the IRI (the domain) tells them apart.
            String text = sameLabel.get(label) > 1 ? label + ", " + tail(n.getURI()) : label;
            Long count = items.get(n);
            options.add(new Option(n, count == null ? text : text + " (" + count + (count == 1 ? " item)" : " items)")));
        }
        return options;
    }

    private static String tail(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }
}
