package org.newsgraph.source;

/** A per-field warning: the field was kept, but not as the format intends. */
public record Problem(String kind, Position position, String message) {

    /** Formats as {@code path:line:column: warning: message}, on one line (control characters escaped). */
    public String format(String path) {
        return SourceText.oneLine(path + ":" + position + ": warning: " + message);
    }
}
