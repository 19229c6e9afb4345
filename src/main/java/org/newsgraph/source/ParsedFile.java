package org.newsgraph.source;

import java.util.List;

/** A source file read into its record, with the per-field warnings found on the way. */
public record ParsedFile(SourceRecord record, List<Problem> problems) {
}
