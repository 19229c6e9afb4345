package org.newsgraph.mapping;

import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Node;

/**
 * The classes of an item from its {@code type} field. Kept in one place because the types are
 * derived, not stored: a description moved between an item and a snapshot gets them again from
 * {@code ng:itemType}.
 */
public final class ItemTypes {

    private ItemTypes() {
    }

    /** {@code article} → NewsArticle, {@code video} → VideoObject; always CreativeWork. */
    public static List<Node> classesFor(String itemType) {
        String t = itemType == null ? "" : itemType.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "article" -> List.of(Vocab.SCHEMA_NEWS_ARTICLE, Vocab.SCHEMA_CREATIVE_WORK);
            case "video" -> List.of(Vocab.SCHEMA_VIDEO_OBJECT, Vocab.SCHEMA_CREATIVE_WORK);
            default -> List.of(Vocab.SCHEMA_CREATIVE_WORK);
        };
    }
}
