package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.Vocab;
import org.newsgraph.store.StoreLayout;
import org.newsgraph.store.TdbStore;

class ValidateCommandTest {

    @Test
    void aBuiltStoreConformsAndABrokenItemDoesNot(@TempDir Path dir) {
        String store = dir.resolve("s").toString();
        assertEquals(0, CliRun.of("build", "--quiet", "--store", store, "seeds").exitCode());
        CliRun ok = CliRun.of("validate", "--store", store);
        assertEquals(0, ok.exitCode(), ok.out() + ok.err());
        assertEquals("conforms: the graph satisfies every shape\n", ok.out());

        // Break one item: a second headline, and a related link to something that is not an item.
        IriMinter iris = new IriMinter(IriMinter.DEFAULT_BASE);
        Node item = NodeFactory.createURI("http://localhost:3030/id/item/bef9974043f9ec10c810");
        Node g = iris.graph("seeds", "000_64b57fa6954c0aa0.txt");
        StoreLayout layout = new StoreLayout(Path.of(store));
        DatasetGraph dsg = TdbStore.connect(layout.database());
        Txn.executeWrite(dsg, () -> {
            dsg.add(g, item, Vocab.SCHEMA_HEADLINE, NodeFactory.createLiteralString("A second headline"));
            dsg.add(g, item, Vocab.NG_RELATED, iris.provider("foreignaffairs.com"));
        });
        TdbStore.release(layout.database());

        CliRun broken = CliRun.of("validate", "--store", store);
        assertEquals(3, broken.exitCode(), broken.err());
        assertEquals("""
                item:bef9974043f9ec10c810 · ng:related · ng:related points to items
                item:bef9974043f9ec10c810 · schema:headline · an item has exactly one headline (a text)
                does not conform: 2 violation(s)
                """, broken.out());

        CliRun turtle = CliRun.of("validate", "--store", store, "--format", "turtle");
        assertEquals(3, turtle.exitCode());
        String report = turtle.out().replaceAll("\\s+", " ");
        assertTrue(report.contains("sh:conforms false"), turtle.out());
        assertTrue(report.contains("sh:resultPath schema:headline"), turtle.out());
        assertTrue(report.contains("sh:value <http://localhost:3030/id/provider/foreignaffairs.com>"), turtle.out());
    }
}
