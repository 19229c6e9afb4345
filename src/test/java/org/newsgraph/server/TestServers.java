package org.newsgraph.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.store.BuildListener;
import org.newsgraph.store.BuildOptions;
import org.newsgraph.store.CorpusLoader;
import org.newsgraph.store.StoreLayout;

/** A store built from a test corpus and served on an ephemeral port of 127.0.0.1, with the defaults. */
public final class TestServers {

    private TestServers() {
    }

    /** Builds {@code store} from {@code corpus} and serves it: read-only, 30 s timeout, 1 MiB bodies, 256 MiB results. */
    public static NewsServer buildAndServe(Path corpus, Path store) {
        new CorpusLoader(new StoreLayout(store), new BuildOptions(List.of(corpus), IriMinter.DEFAULT_BASE, false, false, 2,
                Clock.systemUTC()), BuildListener.NONE).build();
        return NewsServer.start(new ServerOptions(store, "127.0.0.1", 0, IriMinter.DEFAULT_BASE, 30, null, false, false,
                null, 1 << 20, 256 << 20));
    }
}
