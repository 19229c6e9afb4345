package org.newsgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.optimizer.StatsMatcher;
import org.apache.jena.sparql.sse.Item;
import org.apache.jena.sparql.sse.ItemList;
import org.apache.jena.sparql.sse.ItemWriter;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.apache.jena.dboe.sys.Names;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.newsgraph.mapping.Vocab;

/**
 * TDB2's {@code stats.opt}: triples per predicate and subjects per class, which its query planner
 * weighs to order the patterns of a query (without it, TDB2 orders them by a fixed rule). The
 * file says what {@code tdb2.tdbstats} over the union graph would, and more (see {@link #format}),
 * made from the VoID figures a build has already counted instead of another scan. TDB2 reads it when it opens the database,
 * so a server started after the build uses it; compaction copies it to the new generation.
 */
final class OptimizerStatistics {

    private OptimizerStatistics() {
    }

    /** The statistics file of the open TDB2 database {@code dsg}. */
    static Path file(DatasetGraph dsg) {
        return Path.of(TDBInternal.getDatasetGraphTDB(dsg).getLocation().getPath(Names.optStats));
    }

    /** Replaces the statistics file of {@code dsg} by one describing {@code figures}, atomically. */
    static void write(DatasetGraph dsg, VoidDescription.Figures figures) {
        try {
            AtomicFile.write(file(dsg), out -> ItemWriter.write(out, format(figures)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statistics, laid out as TDB2's {@code Stats.format} does, with the rules it lacks. */
    static Item format(VoidDescription.Figures f) {
        Item stats = Item.createTagged(StatsMatcher.STATS);
        Item meta = Item.createTagged(StatsMatcher.META);
        meta.getList().add(pair(Item.createSymbol("timestamp"), NodeFactoryExtra.nowAsDateTime()));
        meta.getList().add(pair(Item.createSymbol(StatsMatcher.COUNT), NodeFactoryExtra.intToNode(f.triples)));
        stats.getList().add(meta);
        for (Map.Entry<Node, Long> e : f.classes.entrySet()) {
            stats.getList().add(pair(pattern(VAR, Item.createNode(Vocab.TYPE), Item.createNode(e.getKey())),
                    NodeFactoryExtra.intToNode(e.getValue())));
        }
        for (Map.Entry<Node, Long> e : f.properties.entrySet()) {
            // List slots (rdf:_1 ...) too, which tdbstats leaves out: a predicate the file does not
            // name weighs "other", 0, and the planner would put such a pattern first.
            stats.getList().add(pair(Item.createNode(e.getKey()), NodeFactoryExtra.intToNode(e.getValue())));
        }
        // Patterns with a variable predicate ("?list ?slot ?snapshot"), which tdbstats says nothing
        // of: unweighed, the planner puts them last, after a scan of every list for each snapshot.
        // Weighed by the average triples per subject and per object, and all triples when nothing is bound.
        long perSubject = f.distinctSubjects == 0 ? 1 : Math.max(1, f.triples / f.distinctSubjects);
        long perObject = f.distinctObjects == 0 ? 1 : Math.max(1, f.triples / f.distinctObjects);
        stats.getList().add(pair(pattern(TERM, VAR, TERM), NodeFactoryExtra.intToNode(1)));
        stats.getList().add(pair(pattern(TERM, VAR, VAR), NodeFactoryExtra.intToNode(perSubject)));
        stats.getList().add(pair(pattern(VAR, VAR, TERM), NodeFactoryExtra.intToNode(perObject)));
        stats.getList().add(pair(pattern(VAR, VAR, VAR), NodeFactoryExtra.intToNode(Math.max(1, f.triples))));
        stats.getList().add(pair(StatsMatcher.OTHER, NodeFactoryExtra.intToNode(0)));
        return stats;
    }

    private static final Item VAR = Item.createSymbol("VAR");
    private static final Item TERM = Item.createSymbol("TERM");

    private static Item pattern(Item s, Item p, Item o) {
        ItemList triple = new ItemList();
        triple.add(s);
        triple.add(p);
        triple.add(o);
        return Item.createList(triple);
    }

    private static Item pair(Item key, Node value) {
        ItemList pair = new ItemList();
        pair.add(key);
        pair.add(value);
        return Item.createList(pair);
    }
}
