package org.newsgraph.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding of a source file: a bad byte is an error at its line and column. */
public final class SourceText {

    /** Files above this size are rejected before they are decoded. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private SourceText() {
    }

    public static String decode(byte[] bytes) throws SourceException {
        if (bytes.length > MAX_BYTES) {
            throw new SourceException(Position.START,
                    "file is larger than " + (MAX_BYTES / (1024 * 1024)) + " MiB (" + bytes.length + " bytes)");
        }
        int start = hasBom(bytes) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new SourceException(positionOf(bytes, start, in.position()),
                    String.format("not valid UTF-8 (byte 0x%02X)", bytes[in.position()] & 0xFF));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new SourceException(positionOf(text, nul), "contains a NUL character (binary file?)");
        }
        return text;
    }

    private static boolean hasBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    /** Line and column (in characters) of byte {@code offset}, counting from {@code start}. */
    private static Position positionOf(byte[] bytes, int start, int offset) {
        int line = 1;
        int column = 1;
        for (int i = start; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new Position(line, column);
    }

    /**
     * {@code s} safe to print on one line of a report: control characters (newlines, tabs, ESC, C1
     * controls) and the Unicode line and paragraph separators are written as {@code \}{@code uXXXX},
     * so that a file name or a value cannot break a report line in two or drive the terminal.
     */
    public static String oneLine(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean escape = Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
            if (escape && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (escape) {
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Line and column of character {@code offset} in {@code text}. */
    public static Position positionOf(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart + 1);
    }
}
