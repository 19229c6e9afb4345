package org.newsgraph.source;

import java.util.List;

/** The provider (publisher) of an item, as named in the item. Fields may be null. */
public record ProviderRecord(Scalar name, Scalar domain, List<ImageRecord> images, List<Extra> extras,
        Position position) {
}
