package org.newsgraph.source;

import java.nio.file.Path;

/**
 * A file found under a source root. {@code root} is the root folder's name and
 * {@code relativePath} the path below it with '/' separators: together they identify the file
 * independently of where the corpus sits on disk.
 */
public record SourceFile(String root, String relativePath, Path path, SourceKind kind) {

    /** The path as the user can find it (relative to where they ran the command). */
    public String displayPath() {
        return path.toString();
    }
}
