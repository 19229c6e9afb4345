package org.newsgraph.store;

import java.util.List;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.mapping.MappedFile;
import org.newsgraph.source.SourceFile;

/** What reading one source file gave. */
sealed interface FileResult {

    SourceFile file();

    /** Read and mapped: {@code quads} are its graph's new content. */
    record Loaded(SourceFile file, List<Quad> quads, MappedFile mapped) implements FileResult {
    }

    /** Same content as the store already holds. */
    record Unchanged(SourceFile file) implements FileResult {
    }

    /** Not readable as the format: {@code line} says where and why. */
    record Rejected(SourceFile file, String line) implements FileResult {
    }

    /** A Markdown file without front matter: not a news item. */
    record NotSource(SourceFile file) implements FileResult {
    }
}
