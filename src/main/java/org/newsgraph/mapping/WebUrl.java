package org.newsgraph.mapping;

import java.nio.charset.StandardCharsets;
import org.apache.jena.rfc3986.IRI3986;

/**
 * A URL from the source, made safe to use as an IRI. {@code iri} is the source text with only the
 * characters an IRI cannot hold percent-encoded; {@code key} is its RFC 3986 syntax-based
 * normalisation (case of scheme and host, percent-encoding, dot segments, default port), which
 * never makes two different pages equal and is what identifies a node.
 */
public record WebUrl(String iri, String key, boolean repaired) {

    /**
     * Parses {@code text}: null if it cannot be an absolute IRI even after repair (no scheme, a
     * relative reference, a broken host).
     */
    public static WebUrl parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        String fixed = percentEncodeIllegal(trimmed);
        IRI3986 iri;
        try {
            iri = IRI3986.create(fixed);
        } catch (RuntimeException e) {
            return null;
        }
        if (!iri.hasScheme()) {
            return null;
        }
        String scheme = iri.scheme().toLowerCase(java.util.Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https"))
                && (!iri.hasHost() || !iri.host().matches("[\\p{L}\\p{N}._-]+|\\[[0-9A-Fa-f:.]+\\]"))) {
            // A web URL needs a host name; one that had to be percent-encoded is broken, not repairable.
            return null;
        }
        try {
            // The check Jena's writers apply: what passes here can be written in any syntax.
            org.apache.jena.irix.IRIx.create(fixed);
        } catch (RuntimeException e) {
            return null;
        }
        String key;
        try {
            key = iri.normalize().str();
        } catch (RuntimeException e) {
            key = fixed;
        }
        return new WebUrl(fixed, key, !fixed.equals(trimmed));
    }

    /** True if {@code text} is a relative reference like {@code /assets/x.jpg}, which no base here resolves. */
    public static boolean isRelativeReference(String text) {
        String t = text.strip();
        return t.startsWith("/") || t.startsWith("./") || t.startsWith("../");
    }

    /**
     * Percent-encodes (as UTF-8) every character outside the RFC 3987 IRI grammar: spaces, quotes,
     * angle brackets, braces, '|', '\\', '^', '`', controls, a '%' not starting an escape, and
     * delimiters where they cannot stand ('#' after the fragment started, '[' ']' outside the
     * host).
     */
    static String percentEncodeIllegal(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        boolean inFragment = false;
        int authorityEnd = authorityEnd(s);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            boolean keep;
            if (cp == '%') {
                keep = i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
            } else if (cp == '#') {
                keep = !inFragment;
                inFragment = true;
            } else if (cp == '[' || cp == ']') {
                keep = i < authorityEnd;
            } else {
                keep = isIriChar(cp);
            }
            if (keep) {
                out.appendCodePoint(cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
            i += len;
        }
        return out.toString();
    }

    /** Index just past the authority of a hierarchical URL ("scheme://host"), or 0. */
    private static int authorityEnd(String s) {
        int start = s.indexOf("://");
        if (start < 0) {
            return 0;
        }
        int end = start + 3;
        while (end < s.length() && "/?#".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isIriChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    || "-._~:/?#[]@!$&'()*+,;=".indexOf(cp) >= 0;
        }
        // Unicode spaces, line separators and invisible format characters are legal ucschar but
        // rejected by IRI checkers (and unreadable): encode them.
        if (Character.isSpaceChar(cp) || Character.isWhitespace(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.CONTROL || type == Character.UNASSIGNED) {
            return false;
        }
        // RFC 3987 ucschar (private-use characters are only allowed in the query; encode them).
        return (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xF900 && cp <= 0xFDCF) || (cp >= 0xFDF0 && cp <= 0xFFEF)
                || (cp >= 0x10000 && cp <= 0xEFFFD && (cp & 0xFFFE) != 0xFFFE);
    }
}
