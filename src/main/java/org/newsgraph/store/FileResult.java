package org.newsgraph.store;

import org.newsgraph.mapping.MappedFile;
import org.newsgraph.source.SourceFile;

/** What reading one source file gave. */
sealed interface FileResult {

    SourceFile file();

    /**
     * Read and mapped: its graph's new content and the shared descriptions it refers to, and what
     * the file index is to record of it.
     */
    record Loaded(SourceFile file, MappedFile mapped, FileIndex.Entry entry) implements FileResult {
    }

    /** Read, and the same content as the store already holds. */
    record Unchanged(SourceFile file, FileIndex.Entry entry) implements FileResult {
    }

    /** Not readable as the format: {@code line} says where and why. */
    record Rejected(SourceFile file, String line) implements FileResult {
    }

    /** A Markdown file without front matter: not a news item. */
    record NotSource(SourceFile file) implements FileResult {
    }
}
