package org.newsgraph.source;

/** What a file in the corpus is, judged from its place and name. */
public enum SourceKind {
    /** A Markdown file whose front matter describes one news item. */
    NEWS_ITEM,
    /** {@code _data/topics/*.yaml}: one topic of the taxonomy. */
    TOPIC,
    /** {@code _data/organizations/*.md}: one provider profile. */
    ORGANIZATION
}
