package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.exec.http.DSP;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.mapping.IriMinter;

/**
 * Every build sent on to a remote store with the Graph Store Protocol: here an in-memory dataset
 * served by Fuseki in this process, which counts its write transactions. The remote must end as
 * a full build of the final corpus.
 */
class GraphStoreDestinationTest extends AbstractBuildDestinationTest {

    private final AtomicLong writes = new AtomicLong();
    private FusekiServer remote;
    private DatasetGraph counting;
    private String url;

    @BeforeEach
    void startRemote() {
        counting = new DatasetGraphWrapper(DatasetGraphFactory.createTxnMem()) {
            @Override
            public void begin(TxnType type) {
                if (type != TxnType.READ) {
                    writes.incrementAndGet();
                }
                super.begin(type);
            }

            @Override
            public void begin(ReadWrite mode) {
                if (mode == ReadWrite.WRITE) {
                    writes.incrementAndGet();
                }
                super.begin(mode);
            }
        };
        remote = FusekiServer.create().port(0).loopback(true).add("/ds", counting, true).build().start();
        url = "http://localhost:" + remote.getHttpPort() + "/ds";
    }

    @Test
    void whatARemoteDidNotTakeIsSentByTheNextBuild() throws Exception {
        TestStore t = new TestStore(dir).generate(12);
        build(t, false);
        t.write("_news/item-0001.md", TestStore.news("Changed while the remote was down", "https://n1.example/item/1",
                "2021-02-11T08:00:00Z", ""));
        t.delete("_news/item-0002.md");
        int port = remote.getHttpPort();
        remote.stop();
        BuildOptions options = new BuildOptions(List.of(t.corpus), IriMinter.DEFAULT_BASE, false, false, 2, TestStore.CLOCK);
        BuildReport down = new CorpusLoader(new StoreLayout(t.store), options, BuildListener.NONE)
                .build(new GraphStoreTarget(URI.create(url + "/data"), null, null));
        assertEquals(1, down.loaded());
        assertEquals(1, down.removed());
        assertEquals("cannot reach " + url + "/data: connection refused", down.sent().failure());
        assertEquals(0, down.sent().writes());

        remote = FusekiServer.create().port(port).loopback(true).add("/ds", counting, true).build().start();
        BuildReport next = build(t, false);
        assertEquals(0, next.loaded());
        // The item's file, the resolved, shared, build and VoID graphs; the vanished file's graph.
        assertTrue(next.sent().put() >= 2, next.sent().toString());
        assertEquals(1, next.sent().deleted());
        assertSameAsAFullBuild(t);
        long writes = writes();
        assertEquals(0, build(t, false).sent().writes());
        assertEquals(writes, writes());
    }

    @AfterEach
    void stopRemote() {
        remote.stop();
    }

    @Test
    void afterARestoreTheNextBuildComparesEveryGraph() throws Exception {
        TestStore t = new TestStore(dir).generate(6);
        build(t, false);
        assertEquals(0, build(t, false).sent().same(), "nothing changed, nothing compared");
        Path backup = dir.resolve("store.nq.gz");
        Backups.backup(new StoreLayout(t.store), backup);
        Backups.restore(new StoreLayout(t.store), backup, true);
        // The restored store may differ from what the remote has in any graph: all are compared.
        // The same statements here, so only graphs with blank nodes (labelled anew) are sent again.
        org.apache.jena.sparql.core.DatasetGraph restored = TdbStore.connect(new StoreLayout(t.store).database());
        long withBlankNodes = org.apache.jena.system.Txn.calculateRead(restored, () -> restored.stream()
                .filter(q -> q.getSubject().isBlank() || q.getObject().isBlank()).map(q -> q.getGraph()).distinct().count());
        long writes = writes();
        BuildReport after = build(t, false);
        assertTrue(after.sent().same() > 6, after.sent().toString());
        assertEquals(withBlankNodes, after.sent().writes(), after.sent().toString());
        assertEquals(writes + withBlankNodes, writes());
        assertEquals(0, build(t, false).sent().same(), "compared once, then only what changes");
    }

    @Override
    BuildReport build(TestStore t, boolean strict) {
        BuildOptions options = new BuildOptions(List.of(t.corpus), IriMinter.DEFAULT_BASE, false, strict, 2, TestStore.CLOCK);
        BuildReport report = new CorpusLoader(new StoreLayout(t.store), options, BuildListener.NONE)
                .build(new GraphStoreTarget(URI.create(url + "/data"), null, null));
        if (!report.aborted()) {
            assertNull(report.sent().failure());
            assertEquals(url + "/data", report.sent().url());
        }
        return report;
    }

    @Override
    DatasetGraph contents(TestStore t) {
        return TestStore.withoutRun(DSP.service(url).GET());
    }

    @Override
    long writes() {
        return writes.get();
    }
}
