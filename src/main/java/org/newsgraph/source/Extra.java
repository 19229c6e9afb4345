package org.newsgraph.source;

/**
 * A scalar found under a key the format does not define (or in a shape the format does not
 * allow). It is kept, never dropped: {@code key} is the dotted path from the record, e.g.
 * {@code services.learning}.
 */
public record Extra(String key, Scalar value) {
}
