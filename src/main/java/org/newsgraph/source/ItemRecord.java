package org.newsgraph.source;

import java.util.List;

/**
 * A news item: the front matter of a news file, or one entry of its {@code related} list (then a
 * snapshot of another item, with {@code related} empty and {@code body} null). Scalar fields are
 * null when absent.
 */
public record ItemRecord(
        Position position,
        Scalar title,
        Scalar excerpt,
        Scalar publishedDateTime,
        Scalar webUrl,
        Scalar originalUrl,
        Scalar ampWebUrl,
        Scalar cdnAmpWebUrl,
        Scalar type,
        Scalar category,
        Scalar quality,
        Scalar heat,
        Scalar published,
        Scalar removed,
        Scalar secured,
        Scalar featuredContent,
        ProviderRecord provider,
        List<Scalar> topics,
        List<ImageRecord> images,
        List<ItemRecord> related,
        String body,
        List<Extra> extras) implements SourceRecord {

    /** The URL that identifies the item: {@code webUrl}, else {@code originalUrl}; null if neither. */
    public Scalar identifyingUrl() {
        return webUrl != null ? webUrl : originalUrl;
    }
}
