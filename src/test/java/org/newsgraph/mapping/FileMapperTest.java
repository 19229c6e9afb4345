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
import org.apache.jena.vocabulary.RDF;
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
        Node snapshot = entry(m, 1);
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
        assertEquals(Set.of(i), m.result().resolvable());
    }

    @Test
    void otherTypesAreCreativeWorksWithTheirTypeKept() throws Exception {
        MappingFixtures.Mapped m = MappingFixtures.item("title: T\nwebUrl: https://a.example/x\ntype: podcast\n");
        Node i = item("https://a.example/x");
        assertEquals(Set.of(Vocab.SCHEMA_CREATIVE_WORK), Set.copyOf(objects(m.graph(), i, Vocab.TYPE)));
        assertEquals(List.of(lit("podcast")), objects(m.graph(), i, Vocab.NG_ITEM_TYPE));
    }

    /** The snapshot the n-th entry of the file's related list shows. */
    private static Node entry(MappingFixtures.Mapped m, int n) {
        Node list = IriMinter.local(m.result().graph(), "related");
        List<Node> shown = objects(m.graph(), list, RDF.li(n).asNode());
        assertEquals(1, shown.size(), "entry " + n);
        return shown.get(0);
    }

    @Test
    void relatedEntriesBecomeAListOfSnapshotsAndDirectLinks() throws Exception {
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
        Node g = m.result().graph();
        Node list = IriMinter.local(g, "related");
        Node s1 = entry(m, 1);
        Node s2 = entry(m, 2);
        // The list is the file's own; what each entry says is a shared snapshot.
        assertTrue(m.dataset().contains(g, x, Vocab.NG_RELATED_LIST, list));
        assertTrue(m.dataset().contains(g, list, Vocab.TYPE, Vocab.RDF_SEQ));
        assertTrue(m.dataset().contains(g, x, Vocab.NG_RELATED, y));
        assertTrue(m.dataset().contains(MappingFixtures.SHARED, s1, Vocab.TYPE, Vocab.NG_RELATED_SNAPSHOT));
        assertTrue(m.dataset().contains(MappingFixtures.SHARED, s1, Vocab.NG_SNAPSHOT_OF, y));
        assertTrue(m.dataset().contains(MappingFixtures.SHARED, s1, Vocab.SCHEMA_HEADLINE, lit("Old title of Y")));
        assertTrue(m.dataset().contains(MappingFixtures.SHARED, s1, Vocab.NG_QUALITY, integer("5")));
        assertEquals(3, m.dataset().getGraph(g).find(list, Node.ANY, Node.ANY).toList().size());
        // The snapshot's values never land on the item itself.
        assertFalse(m.graph().contains(y, Node.ANY, Node.ANY));
        assertEquals(List.of(lit("No URL")), objects(m.graph(), s2, Vocab.SCHEMA_HEADLINE));
        assertEquals(List.of(), objects(m.graph(), s2, Vocab.NG_SNAPSHOT_OF));
        assertEquals(List.of("related-without-url"), m.result().problems().stream().map(Problem::kind).toList());
    }

    @Test
    void aSnapshotIsNamedFromItsContentAlone() throws Exception {
        String entry = """
                related:
                  - title: Y
                    webUrl: https://a.example/y
                    provider: {name: Why, domain: a.example}
                    images: [{url: "https://a.example/y.png", width: 10, height: 5}]
                    mood: calm
                """;
        MappingFixtures.Mapped a = MappingFixtures.map("t", "a.md", org.newsgraph.source.SourceKind.NEWS_ITEM,
                "---\ntitle: A\nwebUrl: https://a.example/a\n" + entry + "---\n");
        MappingFixtures.Mapped b = MappingFixtures.map("u", "dir/b.md", org.newsgraph.source.SourceKind.NEWS_ITEM,
                "---\ntitle: B\nwebUrl: https://a.example/b\nrelated:\n  - title: Z\n    webUrl: https://a.example/z\n"
                        + entry.substring("related:\n".length()) + "---\n");
        Node fromA = entry(a, 1);
        Node fromB = entry(b, 2);
        assertEquals(fromA, fromB);
        assertTrue(fromA.getURI().matches("http://localhost:3030/id/snapshot/[0-9a-f]{20}"), fromA.getURI());
        assertEquals(a.dataset().getGraph(MappingFixtures.SHARED).find(fromA, Node.ANY, Node.ANY).toSet(),
                b.dataset().getGraph(MappingFixtures.SHARED).find(fromB, Node.ANY, Node.ANY).toSet());
        // Its extra field is named under it, so adding it twice changes nothing.
        Node extra = objects(a.graph(), fromA, Vocab.NG_EXTRA).get(0);
        assertEquals(fromA.getURI() + "#extra-1", extra.getURI());
        assertTrue(a.dataset().contains(MappingFixtures.SHARED, extra, Vocab.VALUE, lit("calm")));
        // Any difference in what it says gives another snapshot.
        MappingFixtures.Mapped c = MappingFixtures.item(entry.replace("mood: calm", "mood: tense") + "title: C\nwebUrl: https://a.example/c\n");
        assertFalse(entry(c, 1).equals(fromA));
    }

    @Test
    void anImageIsOneNodeAndWhatEachSourceSaysOfItIsASnapshot() throws Exception {
        String image = "https://cdn.example/pic.jpg";
        MappingFixtures.Mapped m = MappingFixtures.item("""
                title: T
                webUrl: https://a.example/x
                images: [{url: "%s", width: 500, height: 375, isCached: true}]
                related:
                  - title: Y
                    webUrl: https://a.example/y
                    images: [{url: "%s", width: 1500, height: 1123, title: Big}]
                """.formatted(image, image));
        Node x = item("https://a.example/x");
        Node img = IRIS.image(WebUrl.parse(image).key());
        Node g = m.result().graph();
        Node shared = MappingFixtures.SHARED;
        assertTrue(m.dataset().contains(g, x, Vocab.SCHEMA_IMAGE, img));
        assertTrue(m.dataset().contains(shared, img, Vocab.TYPE, Vocab.SCHEMA_IMAGE_OBJECT));
        assertTrue(m.dataset().contains(shared, img, Vocab.SCHEMA_CONTENT_URL, uri(image)));
        assertEquals(2, m.dataset().getGraph(shared).find(img, Node.ANY, Node.ANY).toList().size());
        Node small = objects(m.graph(), x, Vocab.NG_IMAGE_AS_GIVEN).get(0);
        Node big = objects(m.graph(), entry(m, 1), Vocab.NG_IMAGE_AS_GIVEN).get(0);
        assertEquals(List.of(integer("500")), objects(m.graph(), small, Vocab.SCHEMA_WIDTH));
        assertEquals(List.of(integer("1123")), objects(m.graph(), big, Vocab.SCHEMA_HEIGHT));
        assertEquals(List.of(lit("Big")), objects(m.graph(), big, Vocab.SCHEMA_CAPTION));
        for (Node s : List.of(small, big)) {
            assertTrue(m.dataset().contains(shared, s, Vocab.TYPE, Vocab.NG_IMAGE_SNAPSHOT));
            assertTrue(m.dataset().contains(shared, s, Vocab.NG_SNAPSHOT_OF, img));
        }
        // The image node itself never collects the sizes.
        assertEquals(List.of(), objects(m.graph(), img, Vocab.SCHEMA_WIDTH));
    }

    @Test
    void providerWithoutDomainIsIdentifiedByName() throws Exception {
        MappingFixtures.Mapped m = MappingFixtures.item("title: T\nwebUrl: https://a.example/x\nprovider: {name: Daily Bugle}\n");
        Node p = IRIS.providerByName("Daily Bugle");
        Node x = item("https://a.example/x");
        assertEquals("http://localhost:3030/id/provider/by-name/daily-bugle", p.getURI());
        assertEquals(List.of(p), objects(m.graph(), x, Vocab.SCHEMA_PUBLISHER));
        Node given = objects(m.graph(), x, Vocab.NG_PUBLISHER_AS_GIVEN).get(0);
        assertEquals(List.of(lit("Daily Bugle")), objects(m.graph(), given, Vocab.SCHEMA_NAME));
        assertEquals(List.of(p), objects(m.graph(), given, Vocab.NG_SNAPSHOT_OF));
        assertEquals(Set.of(x, p), m.result().resolvable());
    }

    @Test
    void aProviderIsStatedOnceByItsDomainAndItsNameAsGivenIsASnapshot() throws Exception {
        MappingFixtures.Mapped m = MappingFixtures.item("title: T\nwebUrl: https://a.example/x\nprovider: {name: Acme, domain: Acme.Example}\n");
        Node p = IRIS.provider("acme.example");
        Node shared = MappingFixtures.SHARED;
        assertEquals(Set.of(Triple.create(p, Vocab.TYPE, Vocab.SCHEMA_ORGANIZATION),
                Triple.create(p, Vocab.NG_DOMAIN, lit("acme.example")),
                Triple.create(p, Vocab.SCHEMA_URL, uri("https://acme.example/"))),
                m.dataset().getGraph(shared).find(p, Node.ANY, Node.ANY).toSet());
        Node given = objects(m.graph(), item("https://a.example/x"), Vocab.NG_PUBLISHER_AS_GIVEN).get(0);
        assertEquals(List.of(lit("Acme.Example")), objects(m.graph(), given, Vocab.NG_DOMAIN));
        assertFalse(m.dataset().getGraph(m.result().graph()).contains(p, Node.ANY, Node.ANY));
    }
}
