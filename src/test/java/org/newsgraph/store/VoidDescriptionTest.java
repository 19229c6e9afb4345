package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.Vocab;

/** The VoID figures build writes equal what SPARQL counts over the same store. */
class VoidDescriptionTest {

    static final IriMinter IRIS = new IriMinter(IriMinter.DEFAULT_BASE);
    static final String UNION_WITHOUT_VOID = "{ SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } FILTER (?g != <"
            + IRIS.voidGraph().getURI() + ">) } }";

    @Test
    void figuresEqualSparqlCounts(@TempDir Path dir) {
        StoreLayout layout = new StoreLayout(dir.resolve("store"));
        BuildOptions options = new BuildOptions(List.of(Path.of("seeds"), Path.of("src/test/resources/corpus/sample")),
                IriMinter.DEFAULT_BASE, false, false, 2, Clock.systemUTC());
        new CorpusLoader(layout, options, BuildListener.NONE).build();
        DatasetGraph dsg = TdbStore.connect(layout.database());
        try {
            Txn.executeRead(dsg, () -> {
                Node ds = IRIS.dataset();
                assertEquals(count(dsg, "SELECT (COUNT(*) AS ?n) " + UNION_WITHOUT_VOID), figure(dsg, ds, Vocab.VOID_TRIPLES));
                assertEquals(count(dsg, "SELECT (COUNT(DISTINCT ?s) AS ?n) " + UNION_WITHOUT_VOID),
                        figure(dsg, ds, Vocab.VOID_DISTINCT_SUBJECTS));
                assertEquals(count(dsg, "SELECT (COUNT(DISTINCT ?o) AS ?n) " + UNION_WITHOUT_VOID),
                        figure(dsg, ds, Vocab.VOID_DISTINCT_OBJECTS));
                assertEquals(count(dsg, "SELECT (COUNT(DISTINCT ?p) AS ?n) " + UNION_WITHOUT_VOID),
                        figure(dsg, ds, Vocab.VOID_PROPERTIES));
                assertEquals(count(dsg, "SELECT (COUNT(DISTINCT ?o) AS ?n) { " + UNION_WITHOUT_VOID
                        + " FILTER (?p = <" + Vocab.TYPE.getURI() + ">) }"), figure(dsg, ds, Vocab.VOID_CLASSES));
                assertEquals(count(dsg, "SELECT (COUNT(DISTINCT ?s) AS ?n) { " + UNION_WITHOUT_VOID
                        + " FILTER (isIRI(?s) && STRSTARTS(STR(?s), \"" + IriMinter.DEFAULT_BASE + "\")) }"),
                        figure(dsg, ds, Vocab.VOID_ENTITIES));
                // A class partition and a property partition.
                long articles = count(dsg, "SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s a <https://schema.org/NewsArticle> } }");
                assertEquals(articles, partition(dsg, Vocab.VOID_CLASS, Vocab.SCHEMA_NEWS_ARTICLE, Vocab.VOID_ENTITIES));
                long headlines = count(dsg, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?o { GRAPH ?g { ?s <"
                        + Vocab.SCHEMA_HEADLINE.getURI() + "> ?o } } }");
                assertEquals(headlines, partition(dsg, Vocab.VOID_PROPERTY, Vocab.SCHEMA_HEADLINE, Vocab.VOID_TRIPLES));
                // Links to an external web domain.
                long toYoutube = count(dsg, "SELECT (COUNT(*) AS ?n) { " + UNION_WITHOUT_VOID + " FILTER (isIRI(?o)"
                        + " && REGEX(STR(?o), \"^https?://www\\\\.youtube\\\\.com[/:?#]\") && ?p != <" + Vocab.TYPE.getURI() + ">) }");
                assertTrue(toYoutube > 0);
                Node linkset = IRIS.linkset("www.youtube.com");
                assertTrue(dsg.contains(IRIS.voidGraph(), linkset, Vocab.TYPE, Vocab.VOID_LINKSET));
                assertEquals(toYoutube, figure(dsg, linkset, Vocab.VOID_TRIPLES));
                assertTrue(dsg.contains(IRIS.voidGraph(), ds, Vocab.VOID_SPARQL_ENDPOINT,
                        NodeFactory.createURI("http://localhost:3030/news/sparql")));
            });
        } finally {
            TdbStore.release(layout.database());
        }
    }

    @Test
    void aTripleInTwoGraphsCountsOnceAndTheVoidGraphNotAtAll(@TempDir Path dir) {
        StoreLayout layout = new StoreLayout(dir.resolve("store"));
        BuildOptions options = new BuildOptions(List.of(Path.of("seeds")), IriMinter.DEFAULT_BASE, false, false, 2,
                Clock.systemUTC());
        new CorpusLoader(layout, options, BuildListener.NONE).build();
        DatasetGraph dsg = TdbStore.connect(layout.database());
        try {
            Txn.executeWrite(dsg, () -> {
                VoidDescription.Figures before = VoidCounter.count(dsg, IRIS.voidGraph(), IRIS.base());
                Quad headline = dsg.find(Node.ANY, Node.ANY, Vocab.SCHEMA_HEADLINE, Node.ANY).next();
                dsg.add(NodeFactory.createURI("urn:x-test:copy"), headline.getSubject(), headline.getPredicate(),
                        headline.getObject());
                Node stranger = NodeFactory.createURI("urn:x-test:only-in-void");
                dsg.add(IRIS.voidGraph(), stranger, Vocab.TYPE, stranger);
                VoidDescription.Figures after = VoidCounter.count(dsg, IRIS.voidGraph(), IRIS.base());
                assertEquals(before.triples, after.triples);
                assertEquals(before.distinctSubjects, after.distinctSubjects);
                assertEquals(before.distinctObjects, after.distinctObjects);
                assertEquals(before.properties, after.properties);
                assertEquals(before.classes, after.classes);
                assertEquals(count(dsg, "SELECT (COUNT(*) AS ?n) " + UNION_WITHOUT_VOID), after.triples);
            });
        } finally {
            TdbStore.release(layout.database());
        }
    }

    private static long figure(DatasetGraph dsg, Node s, Node p) {
        Quad q = dsg.find(IRIS.voidGraph(), s, p, Node.ANY).next();
        return Long.parseLong(q.getObject().getLiteralLexicalForm());
    }

    private static long partition(DatasetGraph dsg, Node key, Node value, Node figure) {
        Node part = dsg.find(IRIS.voidGraph(), Node.ANY, key, value).next().getSubject();
        return figure(dsg, part, figure);
    }

    private static long count(DatasetGraph dsg, String select) {
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(select).build()) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }
}
