package org.newsgraph.store;

import java.util.function.Supplier;
import org.slf4j.Logger;

/** Runs the phases of a build after loading, telling the listener and logging how long each took. */
final class Phases {

    private final BuildListener listener;
    private final Logger log;

    Phases(BuildListener listener, Logger log) {
        this.listener = listener;
        this.log = log;
    }

    void run(String phase, Runnable work) {
        run(phase, () -> {
            work.run();
            return null;
        });
    }

    <T> T run(String phase, Supplier<T> work) {
        listener.phase(phase);
        long start = System.nanoTime();
        T result = work.get();
        log.info("{}: {} ms", phase, (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    BuildListener listener() {
        return listener;
    }
}
