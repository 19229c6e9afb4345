package org.newsgraph.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.commons.io.output.CountingOutputStream;
import org.apache.commons.io.output.NullOutputStream;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.newsgraph.mapping.MappedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remote store, fed with the Graph Store Protocol. Resolving items, providers and topics needs
 * everything the corpus says, so the changes are applied to the local store first (by the
 * destination {@link Destinations#local} picks), which is then the copy the remote is fed from:
 * every graph the build changed (or, after an interrupted run, every graph) is hashed, and sent
 * whole if its hash is not the one the remote last accepted ({@link SentGraphs}); graphs the
 * remote has and the store no longer has are deleted. A build that changes nothing sends nothing.
 */
final class GraphStoreDestination implements BuildDestination {

    private static final Logger LOG = LoggerFactory.getLogger(GraphStoreDestination.class);

    private final BuildDestination local;
    private final StoreLayout layout;
    private final GraphStoreTarget target;
    private final Phases phases;
    private final SentGraphs record;

    GraphStoreDestination(BuildDestination local, StoreLayout layout, GraphStoreTarget target, Phases phases) {
        this.local = local;
        this.layout = layout;
        this.target = target;
        this.phases = phases;
        this.record = new SentGraphs(layout, target);
    }

    @Override
    public String kind() {
        return local.kind();
    }

    @Override
    public Map<Node, FileIndex.Entry> known() {
        return local.known();
    }

    @Override
    public StoredSource source(Node graph) {
        return local.source(graph);
    }

    @Override
    public void start() {
        local.start();
    }

    @Override
    public void replace(MappedFile file) {
        local.replace(file);
    }

    @Override
    public void drop(Node graph) {
        local.drop(graph);
    }

    @Override
    public Outcome finish(Supplier<BuildRecord> run, Map<Node, FileIndex.Entry> index, long readStartNanos) {
        Map<Node, String> sent = record.read();
        boolean compareAll = sent == null || record.pending();
        // Until what this build changes has reached the remote, the next build compares every graph.
        record.markPending();
        Outcome outcome = local.finish(run, index, readStartNanos);
        Set<Node> changed = compareAll ? null : outcome.changedGraphs();
        TargetReport report = phases.run("sending to " + target.url(), () -> send(sent, changed));
        return outcome.withSent(report);
    }

    /**
     * Sends the graphs in {@code changed} (all if null) whose hash differs from what the remote
     * was sent, and graphs the remote has never had; deletes the graphs the store no longer has.
     */
    private TargetReport send(Map<Node, String> previously, Set<Node> changed) {
        Map<Node, String> sent = previously == null ? new HashMap<>() : new HashMap<>(previously);
        boolean compareAll = changed == null;
        DatasetGraph store = TdbStore.connect(layout.database());
        Set<Node> graphs = Txn.calculateRead(store, () -> graphs(store));
        List<Node> candidates = new ArrayList<>();
        for (Node g : graphs) {
            if (compareAll || changed.contains(g) || !sent.containsKey(g)) {
                candidates.add(g);
            }
        }
        List<Node> gone = sent.keySet().stream().filter(g -> !graphs.contains(g)).toList();
        GraphStoreClient client = new GraphStoreClient(target);
        long put = 0;
        long triples = 0;
        long deleted = 0;
        long same = 0;
        String failure = null;
        try {
            for (Node g : candidates) {
                Digest digest = Txn.calculateRead(store, () -> digest(store, g));
                if (digest.hash().equals(sent.get(g))) {
                    same++;
                    continue;
                }
                // Forget the old hash first: if the PUT fails half-way, the remote's graph is unknown.
                sent.remove(g);
                triples += client.put(store, g, digest.bytes());
                sent.put(g, digest.hash());
                put++;
            }
            for (Node g : gone) {
                client.delete(g);
                sent.remove(g);
                deleted++;
            }
        } catch (GraphStoreClient.RemoteException e) {
            failure = e.getMessage();
        } finally {
            record.write(sent);
        }
        if (failure == null) {
            record.clearPending();
        }
        LOG.info("sent to {}: {} graphs put ({} triples), {} deleted, {} as sent before", target.url(), put, triples,
                deleted, same);
        return new TargetReport(target.key(), put, triples, deleted, same, failure);
    }

    /** The named graphs of the store, and the default graph if it holds anything. */
    private static Set<Node> graphs(DatasetGraph store) {
        Set<Node> graphs = new HashSet<>();
        store.listGraphNodes().forEachRemaining(graphs::add);
        if (!store.getDefaultGraph().isEmpty()) {
            graphs.add(Quad.defaultGraphIRI);
        }
        return graphs;
    }

    /** What the hash pass learns of a graph: its hash, and the length of its N-Triples, which the PUT announces. */
    record Digest(String hash, long bytes) {
    }

    /**
     * A hash of a graph's triples that does not depend on their order: the sum of each triple's
     * SHA-256 (its first 16 bytes, as two numbers), with the count. A blank node counts by its label
     * in the store, so a graph whose blank nodes were made again (a file read again, the ontology
     * rewritten, a rebuilt store) is sent again even if it is isomorphic: never one change missed.
     */
    static Digest digest(DatasetGraph store, Node graph) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long high = 0;
        long low = 0;
        long count = 0;
        Iterator<Quad> it = store.find(graph, Node.ANY, Node.ANY, Node.ANY);
        StringBuilder line = new StringBuilder();
        CountingOutputStream length = new CountingOutputStream(NullOutputStream.INSTANCE);
        StreamRDF nt = GraphStoreClient.writer(length);
        nt.start();
        while (it.hasNext()) {
            Quad q = it.next();
            nt.triple(q.asTriple());
            line.setLength(0);
            line.append(NodeFmtLib.strNT(q.getSubject())).append(' ').append(NodeFmtLib.strNT(q.getPredicate()))
                    .append(' ').append(NodeFmtLib.strNT(q.getObject()));
            ByteBuffer digest = ByteBuffer.wrap(sha.digest(line.toString().getBytes(StandardCharsets.UTF_8)));
            high += digest.getLong();
            low += digest.getLong();
            count++;
        }
        nt.finish();
        ByteBuffer out = ByteBuffer.allocate(24).putLong(count).putLong(high).putLong(low);
        return new Digest(HexFormat.of().formatHex(out.array()), length.getByteCount());
    }

    @Override
    public void abort(RuntimeException cause) {
        local.abort(cause);
    }

    @Override
    public void close() {
        local.close();
        TdbStore.release(layout.database());
    }
}
