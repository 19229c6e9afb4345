package org.newsgraph.source;

import java.util.List;

/** A provider profile ({@code _data/organizations/*.md}). */
public record OrganizationRecord(Scalar id, Scalar name, Scalar domain, Scalar description, Scalar taxonomy,
        List<Scalar> otherNames, List<ImageRecord> images, String body, List<Extra> extras)
        implements SourceRecord {
}
