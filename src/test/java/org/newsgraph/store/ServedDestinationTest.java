package org.newsgraph.store;

import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterEach;
import org.newsgraph.mapping.IriMinter;

/** After the first, every build an update of the dataset a server would have open, with its text index. */
class ServedDestinationTest extends AbstractBuildDestinationTest {

    private NewsStore open;

    @Override
    BuildReport build(TestStore t, boolean strict) {
        if (open == null) {
            BuildReport first = t.build(false, strict);
            open = NewsStore.open(new StoreLayout(t.store));
            return first;
        }
        BuildOptions options = new BuildOptions(List.of(t.corpus), IriMinter.DEFAULT_BASE, false, strict, 2, TestStore.CLOCK);
        BuildReport report = new CorpusLoader(new StoreLayout(t.store), options, BuildListener.NONE).update(open.dataset());
        org.junit.jupiter.api.Assertions.assertEquals("incremental", report.mode());
        return report;
    }

    @Override
    DatasetGraph contents(TestStore t) {
        return TestStore.withoutRun(open.database());
    }

    @AfterEach
    void close() {
        if (open != null) {
            open.close();
        }
    }
}
