package org.newsgraph.source;

/** What one source file holds. */
public sealed interface SourceRecord permits ItemRecord, TopicRecord, OrganizationRecord {
}
