package org.newsgraph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.newsgraph.export.ExportFormat;
import org.newsgraph.export.Exporter;
import org.newsgraph.store.AtomicFile;
import org.newsgraph.store.StoreInfo;
import org.newsgraph.store.StoreLayout;
import org.newsgraph.store.TdbStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the graph as linked data for other RDF tools, streaming from the store.",
            "Triple formats (turtle, ntriples, jsonld, rdfxml) get the union of all graphs, deduplicated;"
                + " quad formats (trig, nquads) keep the named graphs."})
public final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    NewsgraphCommand parent;

    @Mixin
    StoreOption storeOption;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "turtle, trig, nquads, ntriples, jsonld or rdfxml.")
    String format;

    @Option(names = "--graph", paramLabel = "IRI", description = "Export only this named graph.")
    String graph;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (gzip if it ends in .gz) instead of standard output.")
    Path out;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        ExportFormat fmt;
        try {
            fmt = ExportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserException("unknown format '" + format + "' (use turtle, trig, nquads, ntriples, jsonld or rdfxml)");
        }
        StoreLayout layout = storeOption.existing();
        DatasetGraph dsg = TdbStore.connect(layout.database());
        try {
            String base = StoreInfo.base(dsg);
            Node graphNode = graph == null ? null : NodeFactory.createURI(graph);
            if (graphNode != null && !Txn.calculateRead(dsg, () -> dsg.containsGraph(graphNode))) {
                throw new UserException("no graph <" + graph + "> in " + storeOption.store);
            }
            if (out == null) {
                try (OutputStream os = new BufferedOutputStream(new NonClosingStream(parent.stdout), 1 << 16)) {
                    Txn.executeRead(dsg, () -> new Exporter(dsg, base).export(fmt, graphNode, os));
                }
            } else {
                if (out.getParent() != null) {
                    Files.createDirectories(out.getParent());
                }
                // Whole or absent: an export that fails leaves no part of a file behind.
                AtomicFile.write(out, raw -> {
                    OutputStream file = new BufferedOutputStream(raw, 1 << 16);
                    OutputStream os = out.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file;
                    Txn.executeRead(dsg, () -> new Exporter(dsg, base).export(fmt, graphNode, os));
                    if (os instanceof GZIPOutputStream gz) {
                        gz.finish();
                    }
                    os.flush();
                });
            }
        } finally {
            TdbStore.release(layout.database());
        }
        return ExitCodes.OK;
    }
}
