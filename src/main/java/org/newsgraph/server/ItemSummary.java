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
            provider = NodeDescription.labelText(dsg, p, p.toString());
        }
        return new ItemSummary(item.getURI(), NodeDescription.value(g, item, Vocab.SCHEMA_HEADLINE),
                NodeDescription.value(g, item, Vocab.SCHEMA_DATE_PUBLISHED), provider, NodeDescription.value(g, item, Vocab.SCHEMA_DESCRIPTION));
    }
}
