package org.newsgraph.store;

/** Counts of what a store holds, as seen in the union graph (triples: distinct, without the VoID graph). */
public record StoreTotals(long items, long itemsOnlyRelated, long providers, long topics, long images,
        long relatedLinks, long triples) {
}
