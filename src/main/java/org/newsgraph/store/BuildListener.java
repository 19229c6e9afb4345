package org.newsgraph.store;

/** Hears of a build's progress, for progress bars and messages. All calls come from one thread. */
public interface BuildListener {

    /** The files to read are known. */
    default void planned(long files, boolean bulk) {
    }

    /** One file was handled (loaded, unchanged or rejected). */
    default void fileDone() {
    }

    /** A file was rejected: {@code line} is {@code path:line:column: reason}. */
    default void rejected(String line) {
    }

    /** A field was kept with a warning: {@code line} is {@code path:line:column: warning: ...}. */
    default void warning(String line) {
    }

    /** A phase after loading started (resolving, indexing, ...). */
    default void phase(String name) {
    }

    BuildListener NONE = new BuildListener() {
    };
}
