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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HomeSummary.class);
    static final int TOP = 12;
    static final int NEWEST = 10;

    private static final Query VOID = StoreQuery.parse("""
            SELECT ?modified ?class ?n
            WHERE { GRAPH ?void { ?ds a void:Dataset ; dct:modified ?modified .
                    OPTIONAL { ?ds void:classPartition [ void:class ?class ; void:entities ?n ] } } }""");

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
        long t0 = System.nanoTime();
        NewsLists.Newest newest = lists.newest(dsg, NEWEST);
        long t1 = System.nanoTime();
        List<NewsLists.Count> topTopics = lists.mostUsed(dsg, Vocab.SCHEMA_ABOUT, TOP);
        long t2 = System.nanoTime();
        List<NewsLists.Count> topProviders = lists.mostUsed(dsg, Vocab.SCHEMA_PUBLISHER, TOP);
        long t3 = System.nanoTime();
        LOG.info("Home page summary read: newest {} ms, topics {} ms, providers {} ms", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        return new HomeSummary(items, providers, topics, newest.range(), modified, topTopics, topProviders,
                newest.items());
    }

    private static List<QuerySolution> voidRows(DatasetGraph dsg, Node voidGraph, long timeoutMillis) {
        return StoreQuery.select(dsg, VOID, Map.of("void", ResourceFactory.createResource(voidGraph.getURI())),
                timeoutMillis);
    }
}
