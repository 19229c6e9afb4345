package org.newsgraph.server;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newsgraph.mapping.Vocab;

/**
 * The dataset at a glance, for the home page: how many items, providers and topics (the VoID
 * description's class partitions), the dates they span, when the store last changed, the most
 * used topics and providers and the newest items.
 */
record HomeSummary(long items, long providers, long topics, NewsLists.DateRange dates, String modified,
        List<NewsLists.Count> topTopics, List<NewsLists.Count> topProviders, List<ItemSummary> newest) {

    static final int TOP = 12;
    static final int NEWEST = 10;

    private static final Query VOID = StoreQuery.parse("""
            SELECT ?modified ?class ?n
            WHERE { GRAPH ?void { ?ds a void:Dataset ; dct:modified ?modified .
                    OPTIONAL { ?ds void:classPartition [ void:class ?class ; void:entities ?n ] } } }""");

    /** When the VoID description says the store last changed; null if it has none. */
    static String modified(DatasetGraph dsg, Node voidGraph, long timeoutMillis) {
        List<QuerySolution> rows = voidRows(dsg, voidGraph, timeoutMillis);
        return rows.isEmpty() ? null : StoreQuery.text(rows.get(0), "modified");
    }

    static HomeSummary read(DatasetGraph dsg, Node voidGraph, NewsLists lists, long timeoutMillis) {
        long items = 0;
        long providers = 0;
        long topics = 0;
        String modified = null;
        for (QuerySolution row : voidRows(dsg, voidGraph, timeoutMillis)) {
            modified = StoreQuery.text(row, "modified");
            String cls = StoreQuery.text(row, "class");
            long n = StoreQuery.number(row, "n");
            if (Vocab.SCHEMA_CREATIVE_WORK.getURI().equals(cls)) {
                items = n;
            } else if (Vocab.SCHEMA_ORGANIZATION.getURI().equals(cls)) {
                providers = n;
            } else if (Vocab.SKOS_CONCEPT.getURI().equals(cls)) {
                topics = n;
            }
        }
        return new HomeSummary(items, providers, topics, lists.dateRange(dsg), modified,
                lists.mostUsed(dsg, Vocab.SCHEMA_ABOUT, TOP), lists.mostUsed(dsg, Vocab.SCHEMA_PUBLISHER, TOP),
                lists.newest(dsg, NEWEST));
    }

    private static List<QuerySolution> voidRows(DatasetGraph dsg, Node voidGraph, long timeoutMillis) {
        return StoreQuery.select(dsg, VOID, Map.of("void", ResourceFactory.createResource(voidGraph.getURI())),
                timeoutMillis);
    }
}
