package org.newsgraph.server;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.Vocab;

/**
 * The dataset at a glance, for the home page: how many items, providers and topics (the VoID
 * description's class partitions), the dates they span, the store state it was read at (see
 * {@link StoreState}), the most used topics and providers and the newest items.
 */
record HomeSummary(long items, long providers, long topics, NewsLists.DateRange dates, String modified,
        List<NewsLists.Count> topTopics, List<NewsLists.Count> topProviders, List<ItemSummary> newest) {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HomeSummary.class);
    static final int TOP = 12;
    static final int NEWEST = 10;

    static HomeSummary read(DatasetGraph dsg, IriMinter iris, NewsLists lists) {
        String modified = StoreState.of(dsg, iris);
        long[] counts = Txn.calculateRead(dsg, () -> new long[] {entities(dsg, iris, Vocab.SCHEMA_CREATIVE_WORK),
            entities(dsg, iris, Vocab.SCHEMA_ORGANIZATION), entities(dsg, iris, Vocab.SKOS_CONCEPT)});
        long t0 = System.nanoTime();
        NewsLists.Newest newest = lists.newest(dsg, NEWEST);
        long t1 = System.nanoTime();
        List<NewsLists.Count> topTopics = lists.mostUsed(dsg, Vocab.SCHEMA_ABOUT, TOP);
        long t2 = System.nanoTime();
        List<NewsLists.Count> topProviders = lists.mostUsed(dsg, Vocab.SCHEMA_PUBLISHER, TOP);
        long t3 = System.nanoTime();
        LOG.info("Home page summary read: newest {} ms, topics {} ms, providers {} ms", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        return new HomeSummary(counts[0], counts[1], counts[2], newest.range(), modified, topTopics, topProviders,
                newest.items());
    }

    /** The VoID description's count of {@code cls}'s entities; 0 if it has no partition for it. */
    private static long entities(DatasetGraph dsg, IriMinter iris, Node cls) {
        Node g = iris.voidGraph();
        for (var parts = dsg.find(g, Node.ANY, Vocab.VOID_CLASS, cls); parts.hasNext(); ) {
            var n = dsg.find(g, parts.next().getSubject(), Vocab.VOID_ENTITIES, Node.ANY);
            if (n.hasNext() && n.next().getObject().getLiteralValue() instanceof Number number) {
                return number.longValue();
            }
        }
        return 0;
    }
}
