package org.newsgraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordReaderTest {

    private static String reject(SourceKind kind, String text) {
        return assertThrows(SourceException.class, () -> RecordReader.read(kind, text)).format("f.md");
    }

    @Test
    void rejectionMessages() {
        assertEquals("f.md:2:1: item has neither webUrl nor originalUrl",
                reject(SourceKind.NEWS_ITEM, "---\ntitle: x\n---\n"));
        assertEquals("f.md:2:1: item has no title",
                reject(SourceKind.NEWS_ITEM, "---\nwebUrl: https://a.example/x\n---\n"));
        assertEquals("f.md:2:1: front matter must be a mapping of keys to values, found a list",
                reject(SourceKind.NEWS_ITEM, "---\n- a\n- b\n---\n"));
        assertEquals("f.md:1:1: front matter is empty", reject(SourceKind.NEWS_ITEM, "---\n---\n"));
        assertEquals("f.md:3:1: duplicate key 'title'",
                reject(SourceKind.NEWS_ITEM, "---\ntitle: a\ntitle: b\n---\n"));
        assertEquals("f.md:1:1: topic has no name", reject(SourceKind.TOPIC, "_id: ai\n"));
        assertEquals("f.md:1:1: topic file must be a mapping of keys to values, found a single value",
                reject(SourceKind.TOPIC, "just text\n"));
        assertEquals("f.md:2:1: organization profile has no domain",
                reject(SourceKind.ORGANIZATION, "---\nname: BBC\n---\n"));
        assertEquals("f.md:1:1: no front matter: the file must start with a '---' line",
                reject(SourceKind.ORGANIZATION, "name: BBC\n"));
        assertEquals("f.md:2:9: a mapping key must be a plain value",
                reject(SourceKind.NEWS_ITEM, "---\ntitle: {[a]: b}\n---\n"));
    }

    @Test
    void markdownWithoutFrontMatterIsNotAnItem() throws SourceException {
        assertNull(RecordReader.read(SourceKind.NEWS_ITEM, "# Just a README\n"));
    }

    @Test
    void fieldsInTheWrongShapeAndUnknownKeysAreKeptAsExtras() throws SourceException {
        ParsedFile parsed = RecordReader.read(SourceKind.NEWS_ITEM, """
                ---
                title: T
                webUrl: https://a.example/x
                provider: Example News
                topics: AI
                mood: {score: 3, tags: [calm, warm]}
                ---
                """);
        ItemRecord item = (ItemRecord) parsed.record();
        assertNull(item.provider());
        assertEquals(List.of("AI"), item.topics().stream().map(Scalar::text).toList());
        assertEquals(List.of("provider=Example News", "mood.score=3", "mood.tags=calm", "mood.tags=warm"),
                item.extras().stream().map(e -> e.key() + "=" + e.value().text()).toList());
        assertEquals(List.of(new Problem("wrong-shape", new Position(4, 11),
                "'provider' should be a mapping, found a single value; kept as an extra field")), parsed.problems());
    }

    @Test
    void relatedEntriesAreItemsWithoutTheirOwnRelatedLists() throws SourceException {
        ParsedFile parsed = RecordReader.read(SourceKind.NEWS_ITEM, """
                ---
                title: T
                originalUrl: https://a.example/x
                related:
                  - title: R
                    webUrl: https://b.example/y
                    related: [{title: nested}]
                  - just a string
                ---
                """);
        ItemRecord item = (ItemRecord) parsed.record();
        assertEquals("https://a.example/x", item.identifyingUrl().text());
        assertEquals(1, item.related().size());
        ItemRecord related = item.related().get(0);
        assertEquals("R", related.title().text());
        assertEquals(List.of("related.title=nested"),
                related.extras().stream().map(e -> e.key() + "=" + e.value().text()).toList());
        assertEquals(List.of("related=just a string"),
                item.extras().stream().map(e -> e.key() + "=" + e.value().text()).toList());
    }
}
