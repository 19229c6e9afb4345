package org.newsgraph.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * What a build is asked to do.
 *
 * @param roots the files and folders given on the command line
 * @param base the base IRI nodes are minted under
 * @param full rebuild from scratch instead of updating
 * @param strict stop at the first rejected file and leave the store as it was
 * @param threads parser threads
 * @param clock the load time written into provenance (fixed in tests)
 * @param compact compact the store after an incremental build when enough of it is garbage
 */
public record BuildOptions(List<Path> roots, String base, boolean full, boolean strict, int threads, Clock clock,
        boolean compact) {

    /** Options that compact when needed. */
    public BuildOptions(List<Path> roots, String base, boolean full, boolean strict, int threads, Clock clock) {
        this(roots, base, full, strict, threads, clock, true);
    }
}
