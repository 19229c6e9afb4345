package org.newsgraph.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class IriMinterTest {

    private final IriMinter iris = new IriMinter("https://news.example/id/");

    @Test
    void readableIrisForProvidersTopicsAndGraphs() {
        assertEquals("https://news.example/id/provider/foreignaffairs.com", iris.provider("ForeignAffairs.com ").getURI());
        assertEquals("https://news.example/id/topic/ai-ethics", iris.topic("AI Ethics").getURI());
        assertEquals("https://news.example/id/topic/ai-ethics", iris.topic("  ai   ethics ").getURI());
        assertEquals("https://news.example/id/graph/corpus/_news/a%20b.md", iris.graph("corpus", "_news/a b.md").getURI());
    }

    @Test
    void slugsKeepLettersOfAnyScriptAndEncodeTheRest() {
        assertEquals("k%C3%BCnstliche-intelligenz", IriMinter.slug("Künstliche Intelligenz").replace("ü", "%C3%BC"));
        assertEquals("künstliche-intelligenz", IriMinter.slug("Künstliche Intelligenz"));
        assertEquals("c%23", IriMinter.slug("C#"));
        assertEquals("c%2B%2B", IriMinter.slug("C++"));
        assertNotEquals(IriMinter.slug("C"), IriMinter.slug("C#"));
        assertEquals("a%2Fb", IriMinter.slug("a/b"));
        assertEquals("%2E%2E", IriMinter.slug(".."));
    }

    @Test
    void itemIrisAreDeterministicHashesOfTheKey() {
        assertEquals(iris.item("https://a.example/x"), new IriMinter("https://news.example/id").item("https://a.example/x"));
        assertNotEquals(iris.item("https://a.example/x"), iris.item("https://a.example/y"));
        assertEquals("https://news.example/id/item/" + IriMinter.hash("https://a.example/x"),
                iris.item("https://a.example/x").getURI());
        assertEquals(20, IriMinter.hash("x").length());
    }
}
