package org.newsgraph.source;

import java.util.List;

/** A topic of the taxonomy ({@code _data/topics/*.yaml}). */
public record TopicRecord(Scalar id, Scalar name, Scalar shortname, Scalar parent, Scalar taxonomy,
        List<Scalar> keywords, List<Scalar> hashtags, List<ImageRecord> images, List<Extra> extras)
        implements SourceRecord {
}
