package org.newsgraph.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.newsgraph.source.Position;
import org.newsgraph.source.Problem;

class FileMapperTest {

    private static final IriMinter IRIS = new IriMinter(IriMinter.DEFAULT_BASE);

    private static Node item(String url) {
        return IRIS.item(WebUrl.parse(url).key());
    }

    private static Node lit(String s) {
        return NodeFactory.createLiteralString(s);
    }

    private static Node integer(String s) {
        return NodeFactory.createLiteralDT(s, XSDDatatype.XSDinteger);
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
    }

    @Test
    void wrongTypesAreKeptAsTextWithAWarningEach() throws Exception {
        MappingFixtures.Mapped m = MappingFixtures.item("""
                title: T
                webUrl: https://a.example/x
                quality: high
                heat: "12"
                published: maybe
                publishedDateTime: last tuesday
                """);
        Node i = item("https://a.example/x");
        assertEquals(List.of(lit("high")), objects(m.graph(), i, Vocab.NG_QUALITY));
        assertEquals(List.of(integer("12")), objects(m.graph(), i, Vocab.NG_HEAT));
        assertEquals(List.of(lit("maybe")), objects(m.graph(), i, Vocab.NG_PUBLISHED));
        assertEquals(List.of(lit("last tuesday")), objects(m.graph(), i, Vocab.SCHEMA_DATE_PUBLISHED));
        assertEquals(List.of(
                new Problem("not-a-date", new Position(7, 20), "'publishedDateTime' should be a date and time, found 'last tuesday'; kept as text"),
                new Problem("not-an-integer", new Position(4, 10), "'quality' should be an integer, found 'high'; kept as text"),
                new Problem("not-a-boolean", new Position(6, 12), "'published' should be true or false, found 'maybe'; kept as text")),
                m.result().problems());
        assertEquals(List.of(lit("T")), objects(m.graph(), i, Vocab.SCHEMA_HEADLINE));
    }

    @Test
    void datesKeepTheirOffsetAndBareDatesAreXsdDate() throws Exception {
        MappingFixtures.Mapped m = MappingFixtures.item("""
                title: T
                webUrl: https://a.example/x
                publishedDateTime: 2020-07-14 19:05:00 +02:00
                related:
                  - title: R
                    webUrl: https://a.example/y
                    publishedDateTime: 2020-07-15
                """);
        assertEquals(List.of(NodeFactory.createLiteralDT("2020-07-14T19:05:00+02:00", XSDDatatype.XSDdateTime)),
                objects(m.graph(), item("https://a.example/x"), Vocab.SCHEMA_DATE_PUBLISHED));
        Node snapshot = IriMinter.local(m.result().graph(), "related-1");
        assertEquals(List.of(NodeFactory.createLiteralDT("2020-07-15", XSDDatatype.XSDdate)),
                objects(m.graph(), snapshot, Vocab.SCHEMA_DATE_PUBLISHED));
    }

    @Test
    void unknownKeysAreKeptAsExtraFields() throws Exception {
        MappingFixtures.Mapped m = MappingFixtures.item("""
                title: T
                webUrl: https://a.example/x
                sentiment: 0.7
                authors: [Ann, Bob]
                """);
        Node i = item("https://a.example/x");
        List<Node> fields = objects(m.graph(), i, Vocab.NG_EXTRA);
        assertEquals(3, fields.size());
        Set<String> kept = new java.util.HashSet<>();
        for (Node f : fields) {
            assertTrue(m.graph().contains(f, Vocab.TYPE, Vocab.NG_EXTRA_FIELD));
            kept.add(objects(m.graph(), f, Vocab.NG_KEY).get(0).getLiteralLexicalForm() + "="
                    + objects(m.graph(), f, Vocab.VALUE).get(0).getLiteralLexicalForm());
        }
        assertEquals(Set.of("sentiment=0.7", "authors=Ann", "authors=Bob"), kept);
        assertEquals(List.of("sentiment", "authors", "authors"), m.result().extraKeys());
    }

    @Test
    void invalidUrlsAreRepairedOrKeptAsText() throws Exception {
        MappingFixtures.Mapped m = MappingFixtures.item("""
                title: T
                webUrl: "https://apnews.com/PR Newswire/ab6d"
                ampWebUrl: "not a url"
                """);
        Node i = item("https://apnews.com/PR Newswire/ab6d");
        assertEquals("http://localhost:3030/id/item/" + IriMinter.hash("https://apnews.com/PR%20Newswire/ab6d"), i.getURI());
        assertEquals(List.of(uri("https://apnews.com/PR%20Newswire/ab6d")), objects(m.graph(), i, Vocab.SCHEMA_URL));
        assertEquals(List.of(lit("not a url")), objects(m.graph(), i, Vocab.NG_AMP_URL));
        assertEquals(List.of("repaired-url", "unusable-url"), m.result().problems().stream().map(Problem::kind).toList());
        assertEquals("'ampWebUrl' is not a usable URL ('not a url'); kept as text", m.result().problems().get(1).message());
    }

    @Test
    void itemWithoutWebUrlIsIdentifiedByOriginalUrl() throws Exception {
        MappingFixtures.Mapped m = MappingFixtures.item("title: T\noriginalUrl: https://a.example/o\n");
        Node i = item("https://a.example/o");
        assertEquals(List.of(uri("https://a.example/o")), objects(m.graph(), i, Vocab.NG_ORIGINAL_URL));
        assertEquals(List.of(), objects(m.graph(), i, Vocab.SCHEMA_URL));
        assertEquals(Set.of(i), m.result().items());
    }

    @Test
    void otherTypesAreCreativeWorksWithTheirTypeKept() throws Exception {
        MappingFixtures.Mapped m = MappingFixtures.item("title: T\nwebUrl: https://a.example/x\ntype: podcast\n");
        Node i = item("https://a.example/x");
        assertEquals(Set.of(Vocab.SCHEMA_CREATIVE_WORK), Set.copyOf(objects(m.graph(), i, Vocab.TYPE)));
        assertEquals(List.of(lit("podcast")), objects(m.graph(), i, Vocab.NG_ITEM_TYPE));
    }

    @Test
    void relatedEntriesBecomeSnapshotsAndLinks() throws Exception {
        MappingFixtures.Mapped m = MappingFixtures.item("""
                title: T
                webUrl: https://a.example/x
                related:
                  - title: Old title of Y
                    webUrl: https://a.example/y
                    quality: 5
                  - title: No URL
                """);
        Node x = item("https://a.example/x");
        Node y = item("https://a.example/y");
        Node s1 = IriMinter.local(m.result().graph(), "related-1");
        Node s2 = IriMinter.local(m.result().graph(), "related-2");
        assertEquals(List.of(y), objects(m.graph(), x, Vocab.NG_RELATED));
        assertEquals(List.of(y), objects(m.graph(), s1, Vocab.NG_SNAPSHOT_OF));
        assertEquals(List.of(x), objects(m.graph(), s1, Vocab.NG_SNAPSHOT_IN));
        assertEquals(List.of(lit("Old title of Y")), objects(m.graph(), s1, Vocab.SCHEMA_HEADLINE));
        assertEquals(List.of(integer("5")), objects(m.graph(), s1, Vocab.NG_QUALITY));
        // The snapshot's values never land on the item itself.
        assertFalse(m.graph().contains(y, Node.ANY, Node.ANY));
        assertEquals(List.of(lit("No URL")), objects(m.graph(), s2, Vocab.SCHEMA_HEADLINE));
        assertEquals(List.of(), objects(m.graph(), s2, Vocab.NG_SNAPSHOT_OF));
        assertEquals(List.of("related-without-url"), m.result().problems().stream().map(Problem::kind).toList());
    }

    @Test
    void providerWithoutDomainIsIdentifiedByName() throws Exception {
        MappingFixtures.Mapped m = MappingFixtures.item("title: T\nwebUrl: https://a.example/x\nprovider: {name: Daily Bugle}\n");
        Node p = IRIS.providerByName("Daily Bugle");
        assertEquals("http://localhost:3030/id/provider/by-name/daily-bugle", p.getURI());
        assertEquals(List.of(p), objects(m.graph(), item("https://a.example/x"), Vocab.SCHEMA_PUBLISHER));
        assertEquals(List.of(lit("Daily Bugle")), objects(m.graph(), p, Vocab.SCHEMA_NAME));
    }
}
