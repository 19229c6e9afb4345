package org.newsgraph.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebUrlTest {

    @Test
    void validUrlIsKeptAsWritten() {
        WebUrl url = WebUrl.parse("https://www.example.com/a/b?x=1&y=2#frag");
        assertEquals("https://www.example.com/a/b?x=1&y=2#frag", url.iri());
        assertFalse(url.repaired());
    }

    @Test
    void illegalCharactersArePercentEncoded() {
        WebUrl url = WebUrl.parse("https://apnews.com/PR Newswire/ab6d?listname=A & B|C");
        assertEquals("https://apnews.com/PR%20Newswire/ab6d?listname=A%20&%20B%7CC", url.iri());
        assertTrue(url.repaired());
        assertEquals("https://a.example/100%25%20sure", WebUrl.parse("https://a.example/100% sure").iri());
        assertEquals("https://a.example/x#a%23b", WebUrl.parse("https://a.example/x#a#b").iri());
        assertEquals("https://a.example/%5B1%5D", WebUrl.parse("https://a.example/[1]").iri());
        assertEquals("https://a.example/%22q%22%3Cx%3E", WebUrl.parse("https://a.example/\"q\"<x>").iri());
    }

    @Test
    void unicodeSpacesAndInvisibleCharactersAreEncoded() {
        assertEquals("https://spacenews.com/centers%E2%80%A8/", WebUrl.parse("https://spacenews.com/centers\u2028/").iri());
        assertEquals("https://a.example/a%C2%A0b", WebUrl.parse("https://a.example/a\u00a0b").iri());
        assertEquals("https://a.example/a%E2%80%8Bb", WebUrl.parse("https://a.example/a\u200bb").iri());
    }

    @Test
    void nonAsciiLettersStayAsTheyAre() {
        assertEquals("https://de.example/caf\u00e9", WebUrl.parse("https://de.example/caf\u00e9").iri());
    }

    @Test
    void hopelessUrlsAreRefused() {
        assertNull(WebUrl.parse("/assets/images/logo.jpg"));
        assertNull(WebUrl.parse("not a url"));
        assertNull(WebUrl.parse("https://"));
        assertNull(WebUrl.parse("https://exa mple.com/"));
        assertNull(WebUrl.parse("   "));
    }

    @Test
    void keyNormalisesOnlyWhatCannotMergeTwoPages() {
        String key = WebUrl.parse("https://www.example.com/a").key();
        assertEquals(key, WebUrl.parse("HTTPS://WWW.Example.COM/a").key());
        assertEquals(key, WebUrl.parse("https://www.example.com:443/a").key());
        assertEquals(key, WebUrl.parse("https://www.example.com/./b/../a").key());
        assertEquals(WebUrl.parse("https://a.example").key(), WebUrl.parse("https://a.example/").key());
        assertEquals(WebUrl.parse("https://a.example/a%2cb").key(), WebUrl.parse("https://a.example/a%2Cb").key());
        assertEquals(WebUrl.parse("https://a.example/PR%20Newswire").key(),
                WebUrl.parse("https://a.example/PR Newswire").key());
        // Never merged: path case, trailing slash, scheme, www, query.
        assertNotEquals(key, WebUrl.parse("https://www.example.com/A").key());
        assertNotEquals(key, WebUrl.parse("https://www.example.com/a/").key());
        assertNotEquals(key, WebUrl.parse("http://www.example.com/a").key());
        assertNotEquals(key, WebUrl.parse("https://example.com/a").key());
        assertNotEquals(key, WebUrl.parse("https://www.example.com/a?x=1").key());
    }
}
