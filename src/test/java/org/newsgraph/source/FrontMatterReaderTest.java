package org.newsgraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrontMatterReaderTest {

    @Test
    void splitsFrontMatterAndBody() throws SourceException {
        FrontMatter fm = FrontMatterReader.read("---\ntitle: x\n---\nHello\n");
        assertEquals("title: x\n", fm.yaml());
        assertEquals(2, fm.firstLine());
        assertEquals("Hello\n", fm.body());
    }

    @Test
    void acceptsWindowsLineEndsAndTheYamlEndMarker() throws SourceException {
        assertEquals("a: 1\r\n", FrontMatterReader.read("---\r\na: 1\r\n...\r\n").yaml());
    }

    @Test
    void unclosedFrontMatterIsAnError() {
        SourceException e = assertThrows(SourceException.class, () -> FrontMatterReader.read("---\ntitle: x\n"));
        assertEquals("f.md:1:1: front matter opened on line 1 is never closed with '---'", e.format("f.md"));
    }

    @Test
    void aFileWithoutFrontMatterHasNone() {
        assertFalse(FrontMatterReader.hasFrontMatter("# README\n---\n"));
        assertFalse(FrontMatterReader.hasFrontMatter("----\n"));
    }

    @Test
    void invalidUtf8IsReportedAtTheByte() {
        byte[] bytes = "---\ntitle: caf\u00e9\n---\n".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 7] = (byte) 0xFF; // the first byte of the é
        SourceException e = assertThrows(SourceException.class, () -> SourceText.decode(bytes));
        assertEquals("f.md:2:11: not valid UTF-8 (byte 0xFF)", e.format("f.md"));
    }

    @Test
    void nulCharacterIsRefused() {
        SourceException e = assertThrows(SourceException.class,
                () -> SourceText.decode("---\na: \0\n---\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("f.md:2:4: contains a NUL character (binary file?)", e.format("f.md"));
    }
}
