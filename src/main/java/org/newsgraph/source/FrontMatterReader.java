package org.newsgraph.source;

/**
 * Splits a Markdown file into front matter and body, Jekyll style: the file starts with a line
 * '---', and the front matter ends at the next line that is '---' (or the YAML end marker '...').
 */
public final class FrontMatterReader {

    private FrontMatterReader() {
    }

    /** True if {@code text} starts with a front-matter line. */
    public static boolean hasFrontMatter(String text) {
        int end = lineEnd(text, 0);
        return text.substring(0, end).stripTrailing().equals("---");
    }

    /**
     * The front matter of {@code text}.
     *
     * @throws SourceException if the file has no front matter, or it is never closed
     */
    public static FrontMatter read(String text) throws SourceException {
        if (!hasFrontMatter(text)) {
            throw new SourceException(Position.START, "no front matter: the file must start with a '---' line");
        }
        int yamlStart = next(text, lineEnd(text, 0));
        for (int pos = yamlStart; pos < text.length(); ) {
            int end = lineEnd(text, pos);
            String content = text.substring(pos, end).stripTrailing();
            if (content.equals("---") || content.equals("...")) {
                return new FrontMatter(text.substring(yamlStart, pos), 2, text.substring(next(text, end)));
            }
            pos = next(text, end);
        }
        throw new SourceException(Position.START, "front matter opened on line 1 is never closed with '---'");
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        int end = nl < 0 ? text.length() : nl;
        return end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    private static int next(String text, int lineEnd) {
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
            lineEnd++;
        }
        return Math.min(text.length(), lineEnd + 1);
    }
}
