package org.newsgraph.store;

import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newsgraph.mapping.IriMinter;

/** Every build a full one: a fresh database through the TDB2 bulk loader, swapped in. */
class BulkDestinationTest extends AbstractBuildDestinationTest {

    @Override
    BuildReport build(TestStore t, boolean strict) {
        BuildOptions options = new BuildOptions(List.of(t.corpus), IriMinter.DEFAULT_BASE, true, strict, 2, TestStore.CLOCK);
        BuildReport report = new CorpusLoader(new StoreLayout(t.store), options, BuildListener.NONE).build();
        org.junit.jupiter.api.Assertions.assertEquals("full", report.mode());
        return report;
    }

    @Override
    boolean keepsWhatItHeld() {
        return false;
    }

    @Override
    DatasetGraph contents(TestStore t) {
        return t.snapshot();
    }
}
