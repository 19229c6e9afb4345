package org.newsgraph.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.TDB2;

/**
 * The choices of a topic or provider parameter: the store's topics or providers, most used first,
 * at most {@value #MAX}, each shown by its label and number of items.
 */
final class ParameterOptions {

    static final int MAX = 200;

    /** One choice: the node, and the text the list shows for it. */
    record Option(Node node, String text) {
    }

    private static final Query TOPICS = QueryFactory.create("""
            PREFIX schema: <https://schema.org/>
            PREFIX skos:   <http://www.w3.org/2004/02/skos/core#>
            SELECT ?node (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?i) AS ?items)
            WHERE {
              ?node a skos:Concept .
              OPTIONAL { ?node skos:prefLabel ?l }
              OPTIONAL { ?i a schema:CreativeWork ; schema:about ?node }
            }
            GROUP BY ?node ORDER BY DESC(?items) ?label ?node LIMIT %d
            """.formatted(MAX));
    private static final Query PROVIDERS = QueryFactory.create("""
            PREFIX schema: <https://schema.org/>
            SELECT ?node (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?i) AS ?items)
            WHERE {
              ?node a schema:Organization .
              OPTIONAL { ?node schema:name ?l }
              OPTIONAL { ?i a schema:CreativeWork ; schema:publisher ?node }
            }
            GROUP BY ?node ORDER BY DESC(?items) ?label ?node LIMIT %d
            """.formatted(MAX));

    private ParameterOptions() {
    }

    /** The choices for {@code kind}, with {@code current} among them; call inside a read transaction. */
    static List<Option> of(QueryParameter.Kind kind, Node current, DatasetGraph dsg, long timeoutMillis) {
        Query query = kind == QueryParameter.Kind.TOPIC ? TOPICS : PROVIDERS;
        List<Node> nodes = new ArrayList<>();
        Map<Node, String> labels = new HashMap<>();
        Map<Node, Long> items = new HashMap<>();
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query)
                .set(TDB2.symUnionDefaultGraph, true).timeout(timeoutMillis).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution row = rs.next();
                Node n = row.get("node").asNode();
                nodes.add(n);
                labels.put(n, row.contains("label") ? row.getLiteral("label").getLexicalForm() : n.getURI());
                items.put(n, row.getLiteral("items").getLong());
            }
        }
        if (current != null && !nodes.contains(current)) {
            // A value beyond the first MAX (or one with no items) is still shown as chosen.
            Node label = NodeDescription.label(dsg, current);
            nodes.add(0, current);
            labels.put(current, label != null && label.isLiteral() ? label.getLiteralLexicalForm() : current.getURI());
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
