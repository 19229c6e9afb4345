package org.newsgraph.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** A file that cannot be read as the format: reported on one line, the file is rejected. */
public final class SourceException extends Exception {
    private final Position position;

    public SourceException(Position position, String message) {
        super(message, null, false, false);
        this.position = position;
    }

    /** Why a file or folder could not be read, in words: for most faults NIO's message is only the path. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file (deleted during the build?)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    public Position position() {
        return position;
    }

    /** The one-line report: {@code path:line:column: reason}, control characters escaped. */
    public String format(String path) {
        return SourceText.oneLine(path + ":" + position + ": " + getMessage());
    }
}
