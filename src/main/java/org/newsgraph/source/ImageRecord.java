package org.newsgraph.source;

import java.util.List;

/** An image: its URL and what the source says about it. Fields may be null. */
public record ImageRecord(Scalar url, Scalar width, Scalar height, Scalar isCached, Scalar title,
        List<Extra> extras) {
}
