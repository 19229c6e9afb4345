package org.newsgraph.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.MappedFile;
import org.newsgraph.mapping.SharedDescription;
import org.newsgraph.mapping.Vocab;

/**
 * The choices of {@link Resolver}, made while a full build streams its files to the bulk loader,
 * so the resolved graph goes into the same load instead of a write transaction afterwards (which
 * read the store back node by node and took as long as a third of the load).
 * <p>
 * Only what the choices need is kept: per item known from related lists, the snapshot to copy so
 * far; per provider or topic snapshot, how many descriptions give it. The statements of those
 * snapshots are written once to a spill file beside the store and read back at the end, when the
 * choices are final. Items several files claim are left to {@link Resolver} after the load (they
 * are few, and their files' graphs change).
 */
final class StreamedResolution implements AutoCloseable {

    private record Listing(Node snapshot, long time) {
    }

    private final IriMinter iris;
    private final Path spill;
    private final OutputStream spillOut;
    private final StreamRDF spillWriter;
    /** Files claiming each item, provider or topic (ng:describes). */
    private final Map<Node, Integer> claims = new HashMap<>();
    /** The snapshot to copy so far, per item related lists show. */
    private final Map<Node, Listing> listed = new HashMap<>();
    /** How many descriptions give each provider or topic snapshot. */
    private final Map<Node, Long> uses = new HashMap<>();
    /** The provider and topic snapshots, per provider or topic. */
    private final Map<Node, List<Node>> namedSnapshots = new HashMap<>();

    StreamedResolution(IriMinter iris, Path spill) {
        this.iris = iris;
        this.spill = spill;
        try {
            this.spillOut = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + spill, e);
        }
        this.spillWriter = StreamRDFWriter.getWriterStream(spillOut, RDFFormat.RDF_THRIFT);
        spillWriter.start();
    }

    /** A file's graph as it goes to the loader; {@code firstShared}: its shared descriptions not seen before. */
    void file(MappedFile file, List<SharedDescription> firstShared) {
        Node g = file.graph();
        Node item = null;
        long time = Resolver.UNDATED;
        Set<Quad> references = new HashSet<>();
        List<Node> shown = new ArrayList<>();
        for (Quad q : file.quads()) {
            Node p = q.getPredicate();
            if (p.equals(Vocab.NG_DESCRIBES) && q.getSubject().equals(g)) {
                item = q.getObject();
                claims.merge(item, 1, Integer::sum);
            } else if (isReference(p)) {
                references.add(q);
            } else if (p.isURI() && p.getURI().startsWith(Resolver.MEMBER_PREFIX)) {
                shown.add(q.getObject());
            }
        }
        if (item != null) {
            for (Quad q : file.quads()) {
                if (q.getPredicate().equals(Vocab.SCHEMA_DATE_PUBLISHED) && q.getSubject().equals(item)) {
                    time = Resolver.epochMillis(q.getObject());
                    if (time != Resolver.UNDATED) {
                        break;
                    }
                }
            }
        }
        // Only lists of dated items count towards when a snapshot was last listed.
        long listedAt = item != null && time != Resolver.UNDATED ? time : Long.MIN_VALUE;
        references.forEach(q -> uses.merge(q.getObject(), 1L, Long::sum));
        Map<Node, Node> targets = new HashMap<>();
        for (SharedDescription d : file.shared()) {
            Node of = relatedSnapshotOf(d);
            if (of != null) {
                targets.put(d.node(), of);
            }
        }
        for (Node snapshot : shown) {
            Node target = targets.get(snapshot);
            if (target != null) {
                Listing best = listed.get(target);
                if (best == null || Resolver.listedLater(listedAt, snapshot, best.time(), best.snapshot())) {
                    listed.put(target, new Listing(snapshot, listedAt));
                }
            }
        }
        for (SharedDescription d : firstShared) {
            shared(d);
        }
    }

    /** A shared description the store gets for the first time. */
    private void shared(SharedDescription d) {
        Node type = null;
        Node of = null;
        for (Triple t : new HashSet<>(d.triples())) {
            if (isReference(t.getPredicate())) {
                uses.merge(t.getObject(), 1L, Long::sum);
            }
            if (t.getSubject().equals(d.node())) {
                if (t.getPredicate().equals(Vocab.TYPE)) {
                    type = t.getObject();
                } else if (t.getPredicate().equals(Vocab.NG_SNAPSHOT_OF)) {
                    of = t.getObject();
                }
            }
        }
        if (of == null || type == null) {
            return;
        }
        if (type.equals(Resolver.PROVIDER.snapshotType()) || type.equals(Resolver.TOPIC.snapshotType())) {
            namedSnapshots.computeIfAbsent(of, k -> new ArrayList<>(2)).add(d.node());
        } else if (!type.equals(Vocab.NG_RELATED_SNAPSHOT)) {
            return;
        }
        for (Triple t : d.triples()) {
            if (t.getSubject().equals(d.node())) {
                spillWriter.triple(t);
            }
        }
    }

    /** Every item, provider and topic more than one file claims: for {@link Resolver} after the load. */
    Set<Node> claimedTwice() {
        Set<Node> nodes = new HashSet<>();
        claims.forEach((node, n) -> {
            if (n > 1) {
                nodes.add(node);
            }
        });
        return nodes;
    }

    /** Sends the resolved graph to {@code out}: the copies of the chosen snapshots. */
    void emit(StreamRDF out) {
        Map<Node, Node> chosen = new HashMap<>();
        listed.forEach((item, best) -> {
            if (!claims.containsKey(item) && iris.isItem(item)) {
                chosen.put(best.snapshot(), item);
            }
        });
        namedSnapshots.forEach((node, snapshots) -> {
            if (claims.containsKey(node)) {
                return;
            }
            Node best = null;
            long bestUses = -1;
            for (Node s : snapshots) {
                long n = uses.getOrDefault(s, 0L);
                if (Resolver.moreUsed(n, s, bestUses, best)) {
                    best = s;
                    bestUses = n;
                }
            }
            chosen.put(best, node);
        });
        spillWriter.finish();
        try {
            spillOut.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + spill, e);
        }
        Node resolvedGraph = iris.resolvedGraph();
        // The spill holds each snapshot's statements together: copy a snapshot when the next begins.
        RDFParser.source(spill).lang(Lang.RDFTHRIFT).parse(new StreamRDFBase() {
            private Node subject;
            private final List<Triple> statements = new ArrayList<>();

            @Override
            public void triple(Triple t) {
                if (!t.getSubject().equals(subject)) {
                    copy();
                    subject = t.getSubject();
                }
                statements.add(t);
            }

            @Override
            public void finish() {
                copy();
            }

            private void copy() {
                Node node = subject == null ? null : chosen.get(subject);
                if (node != null) {
                    List<Quad> quads = iris.isItem(node)
                            ? Resolver.itemFromSnapshot(resolvedGraph, node, subject, statements)
                            : Resolver.namedFromSnapshot(resolvedGraph, node,
                                    iris.isProvider(node) ? Resolver.PROVIDER : Resolver.TOPIC, subject, statements);
                    quads.forEach(out::quad);
                }
                statements.clear();
            }
        });
    }

    private static boolean isReference(Node p) {
        return Resolver.PROVIDER.references().contains(p) || Resolver.TOPIC.references().contains(p);
    }

    private static Node relatedSnapshotOf(SharedDescription d) {
        Node of = null;
        boolean related = false;
        for (Triple t : d.triples()) {
            if (t.getSubject().equals(d.node())) {
                if (t.getPredicate().equals(Vocab.NG_SNAPSHOT_OF)) {
                    of = t.getObject();
                } else if (t.getPredicate().equals(Vocab.TYPE) && t.getObject().equals(Vocab.NG_RELATED_SNAPSHOT)) {
                    related = true;
                }
            }
        }
        return related ? of : null;
    }

    @Override
    public void close() {
        try {
            spillOut.close();
            Files.deleteIfExists(spill);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + spill, e);
        }
    }
}
