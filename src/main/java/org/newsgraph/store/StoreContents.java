package org.newsgraph.store;

/**
 * What a store holds, counted from its indexes.
 *
 * @param files the file graphs (one per source file loaded)
 * @param quads every quad of every graph
 * @param totals items, providers, topics, images, related links and distinct triples, as the build summary counts them
 */
public record StoreContents(long files, long quads, StoreTotals totals) {
}
