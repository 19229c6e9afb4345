package org.newsgraph.store;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.mapping.IriMinter;

/**
 * What a store last sent to one remote ({@code DIR/sent/HASH.tsv}, one per target URL): each
 * graph's name and the hash of the content the remote accepted. Beside it, {@code HASH.pending}
 * exists from before a build changes the store until everything it changed has been sent: if a
 * build or its sending was cut short, the next one compares every graph instead of only those it
 * changes.
 */
public final class SentGraphs {

    private static final String HEADER = "# newsgraph sent graphs 1";

    private final Path file;
    private final Path pending;
    private final String url;

    SentGraphs(StoreLayout layout, GraphStoreTarget target) {
        Path dir = layout.dir().resolve("sent");
        String name = IriMinter.hash(target.key());
        this.file = dir.resolve(name + ".tsv");
        this.pending = dir.resolve(name + ".pending");
        this.url = target.key();
    }

    /** The graphs sent and their hashes, or null if nothing is known of this target. */
    Map<Node, String> read() {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.equals(HEADER + "\t" + url)) {
                return null;
            }
            Map<Node, String> sent = new HashMap<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    return null;
                }
                String graph = line.substring(tab + 1);
                sent.put(graph.equals("default") ? Quad.defaultGraphIRI : NodeFactory.createURI(graph),
                        line.substring(0, tab));
            }
            return sent;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            // A damaged record costs one comparison of every graph.
            return null;
        }
    }

    void write(Map<Node, String> sent) {
        try {
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, raw -> {
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8));
                out.write(HEADER + "\t" + url + "\n");
                for (Map.Entry<Node, String> e : sent.entrySet()) {
                    Node g = e.getKey();
                    out.append(e.getValue()).append('\t').append(Quad.isDefaultGraph(g) ? "default" : g.getURI()).append('\n');
                }
                out.flush();
            });
        } catch (IOException e) {
            throw new StoreException("cannot write " + file + ": " + e.getMessage());
        }
    }

    boolean pending() {
        return Files.exists(pending);
    }

    void markPending() {
        try {
            Files.createDirectories(pending.getParent());
            if (!Files.exists(pending)) {
                Files.createFile(pending);
            }
        } catch (IOException e) {
            throw new StoreException("cannot write " + pending + ": " + e.getMessage());
        }
    }

    void clearPending() {
        try {
            Files.deleteIfExists(pending);
        } catch (IOException e) {
            throw new StoreException("cannot delete " + pending + ": " + e.getMessage());
        }
    }

    /** After the store changed by other means than a build (restore, updates): compare every graph next time. */
    public static void invalidateAll(StoreLayout layout) {
        Path dir = layout.dir().resolve("sent");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".tsv")).toList()) {
                String name = p.getFileName().toString();
                Path marker = dir.resolve(name.substring(0, name.length() - 4) + ".pending");
                if (!Files.exists(marker)) {
                    Files.createFile(marker);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot mark " + dir + " for a full comparison: " + e.getMessage());
        }
    }
}
