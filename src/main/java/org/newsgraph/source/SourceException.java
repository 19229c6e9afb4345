package org.newsgraph.source;

/** A file that cannot be read as the format: reported on one line, the file is rejected. */
public final class SourceException extends Exception {
    private final Position position;

    public SourceException(Position position, String message) {
        super(message, null, false, false);
        this.position = position;
    }

    public Position position() {
        return position;
    }

    /** The one-line report: {@code path:line:column: reason}. */
    public String format(String path) {
        return path + ":" + position + ": " + getMessage();
    }
}
