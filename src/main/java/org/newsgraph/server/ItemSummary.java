package org.newsgraph.server;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newsgraph.mapping.Vocab;

/** An item as a list shows it: headline, date, provider and the start of its description. */
record ItemSummary(String iri, String headline, String date, String provider, String description) {

    /** The summary of {@code item} from the union graph {@code g} of {@code dsg}; call inside a read transaction. */
    static ItemSummary read(DatasetGraph dsg, Graph g, Node item) {
        String provider = null;
        var publishers = g.find(item, Vocab.SCHEMA_PUBLISHER, Node.ANY);
        if (publishers.hasNext()) {
            Node p = publishers.next().getObject();
            Node label = NodeDescription.label(dsg, p);
            provider = label != null && label.isLiteral() ? label.getLiteralLexicalForm() : p.toString();
        }
        return new ItemSummary(item.getURI(), lexical(g, item, Vocab.SCHEMA_HEADLINE),
                lexical(g, item, Vocab.SCHEMA_DATE_PUBLISHED), provider, lexical(g, item, Vocab.SCHEMA_DESCRIPTION));
    }

    private static String lexical(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        if (!it.hasNext()) {
            return null;
        }
        Node o = it.next().getObject();
        return o.isLiteral() ? o.getLiteralLexicalForm() : o.isURI() ? o.getURI() : o.toString();
    }

    /** The day of a date or date-time as written ({@code 2024-05-01T08:00:00Z} → {@code 2024-05-01}). */
    static String day(String date) {
        return date == null || date.length() < 10 ? date : date.substring(0, 10);
    }
}
