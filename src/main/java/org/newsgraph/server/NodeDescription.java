package org.newsgraph.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.newsgraph.mapping.Vocab;

/**
 * What a node's page shows: its own statements (with the statements of the blank or local nodes
 * it points to, such as extra fields), statements that link to it (up to a limit), and the labels
 * of every node on either side, all from the union of the named graphs.
 */
final class NodeDescription {

    static final int MAX_INCOMING = 500;
    /** Properties that name a node, in order of preference. */
    static final List<Node> LABELS = List.of(Vocab.SCHEMA_HEADLINE, Vocab.SCHEMA_NAME, Vocab.SKOS_PREF_LABEL,
            Vocab.LABEL);

    final Node node;
    final Graph graph = GraphFactory.createDefaultGraph();
    final List<Triple> outgoing = new ArrayList<>();
    final List<Triple> incoming = new ArrayList<>();
    /** Nodes local to this one ({@code IRI#fragment}, e.g. the related entries of a file's graph). */
    final java.util.Map<Node, List<Triple>> fragments = new java.util.LinkedHashMap<>();
    boolean incomingTruncated;

    private NodeDescription(Node node) {
        this.node = node;
    }

    /** Describes {@code node}; call inside a read transaction. Null if the store says nothing of it. */
    static NodeDescription of(DatasetGraph dsg, Node node) {
        NodeDescription d = new NodeDescription(node);
        Set<Triple> out = new LinkedHashSet<>();
        collect(dsg, node, out, 0);
        d.outgoing.addAll(out);
        Set<Triple> in = new LinkedHashSet<>();
        Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, Node.ANY, node);
        while (it.hasNext()) {
            if (in.size() >= MAX_INCOMING) {
                d.incomingTruncated = true;
                break;
            }
            in.add(it.next().asTriple());
        }
        d.incoming.addAll(in);
        if (node.isURI()) {
            String prefix = node.getURI() + "#";
            Iterator<Quad> local = dsg.find(node, Node.ANY, Node.ANY, Node.ANY);
            while (local.hasNext()) {
                Triple t = local.next().asTriple();
                if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(prefix)) {
                    d.fragments.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
                    out.add(t);
                }
            }
        }
        if (out.isEmpty() && in.isEmpty()) {
            return null;
        }
        out.forEach(d.graph::add);
        in.forEach(d.graph::add);
        Set<Node> neighbours = new LinkedHashSet<>();
        out.forEach(t -> neighbours.add(t.getObject()));
        in.forEach(t -> neighbours.add(t.getSubject()));
        for (Node n : neighbours) {
            if (n.isURI() && !n.equals(node)) {
                Node label = label(dsg, n);
                if (label != null) {
                    d.graph.add(n, Vocab.LABEL, label);
                }
            }
        }
        return d;
    }

    /**
     * The statements of {@code subject}, and of the nodes that are part of it: blank nodes, and
     * IRIs local to it ({@code subject#…}, such as a snapshot's extra fields), which a browser
     * cannot ask for on their own.
     */
    private static void collect(DatasetGraph dsg, Node subject, Set<Triple> into, int depth) {
        Iterator<Quad> it = dsg.find(Node.ANY, subject, Node.ANY, Node.ANY);
        List<Node> parts = new ArrayList<>();
        String local = subject.isURI() ? subject.getURI() + "#" : null;
        while (it.hasNext()) {
            Triple t = it.next().asTriple();
            Node o = t.getObject();
            if (into.add(t) && (o.isBlank() || (local != null && o.isURI() && o.getURI().startsWith(local)))) {
                parts.add(o);
            }
        }
        if (depth < 3) {
            parts.forEach(b -> collect(dsg, b, into, depth + 1));
        }
    }

    /** The best label of {@code n} in the store, or null. */
    static Node label(DatasetGraph dsg, Node n) {
        for (Node p : LABELS) {
            Iterator<Quad> it = dsg.find(Node.ANY, n, p, Node.ANY);
            if (it.hasNext()) {
                return it.next().getObject();
            }
        }
        return null;
    }

    /** The best label of {@code n} as text, or {@code otherwise} if it has none that is a literal. */
    static String labelText(DatasetGraph dsg, Node n, String otherwise) {
        Node label = label(dsg, n);
        return label != null && label.isLiteral() ? label.getLiteralLexicalForm() : otherwise;
    }

    /** The first value of {@code s p} in {@code g} as text (a literal's lexical form, an IRI), or null. */
    static String value(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        if (!it.hasNext()) {
            return null;
        }
        Node o = it.next().getObject();
        return o.isLiteral() ? o.getLiteralLexicalForm() : o.isURI() ? o.getURI() : o.toString();
    }

    /** The node's own label, from its description. */
    String title() {
        for (Node p : LABELS) {
            for (Triple t : outgoing) {
                if (t.getSubject().equals(node) && t.getPredicate().equals(p) && t.getObject().isLiteral()) {
                    return t.getObject().getLiteralLexicalForm();
                }
            }
        }
        return node.isURI() ? node.getURI() : node.toString();
    }
}
