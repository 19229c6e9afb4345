package org.newsgraph.store;

import org.apache.jena.sparql.core.DatasetGraph;

/** After the first, every build one write transaction on the store. */
class TransactionDestinationTest extends AbstractBuildDestinationTest {

    private boolean built;

    @Override
    BuildReport build(TestStore t, boolean strict) {
        BuildReport report = t.build(false, strict);
        org.junit.jupiter.api.Assertions.assertEquals(built ? "incremental" : "full", report.mode());
        built = true;
        return report;
    }

    @Override
    DatasetGraph contents(TestStore t) {
        return t.snapshot();
    }
}
