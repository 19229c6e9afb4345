package org.newsgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.newsgraph.mapping.Vocab;
import org.newsgraph.store.StoreLayout;
import org.newsgraph.store.NewsStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Runs a SPARQL query over the store. The default graph is the union of all named graphs.")
public final class QueryCommand implements Callable<Integer> {

    public enum Format { table, csv, tsv, json }

    @Spec
    CommandSpec spec;

    @ParentCommand
    NewsgraphCommand parent;

    @Mixin
    StoreOption storeOption;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    VerboseOption verbose;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "QUERY", description = "The SPARQL query text.")
        String text;

        @Option(names = "--file", paramLabel = "F.rq", description = "Read the query from a file.")
        Path file;
    }

    @Override
    public Integer call() throws IOException {
        StoreLayout layout = storeOption.existing();
        String text = source.file != null ? read(source.file) : source.text;
        // The vocabulary's prefixes are predeclared, so quick queries need no PREFIX lines.
        Query query = new Query();
        query.getPrefixMapping().setNsPrefixes(Vocab.prefixes());
        query.getPrefixMapping().setNsPrefix("text", "http://jena.apache.org/text#");
        try {
            QueryFactory.parse(query, text, null, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            String message = e.getMessage().replace('\n', ' ');
            int expecting = message.indexOf("Was expecting");
            throw new UserException("query syntax error: "
                    + (expecting > 0 ? message.substring(0, expecting) : message).strip());
        }
        PrintStream out = new PrintStream(new NonClosing(parent.stdout), true, StandardCharsets.UTF_8);
        try (NewsStore store = NewsStore.open(layout)) {
            DatasetGraph dsg = store.dataset();
            Txn.executeRead(dsg, () -> run(query, dsg, out));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void run(Query query, DatasetGraph dsg, PrintStream out) {
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query)
                .set(TDB2.symUnionDefaultGraph, true).build()) {
            if (query.isSelectType()) {
                var results = qe.execSelect();
                switch (format) {
                    case csv -> ResultSetFormatter.outputAsCSV(out, results);
                    case tsv -> ResultSetFormatter.outputAsTSV(out, results);
                    case json -> ResultSetFormatter.outputAsJSON(out, results);
                    default -> ResultSetFormatter.out(out, results, query.getPrefixMapping());
                }
            } else if (query.isAskType()) {
                boolean answer = qe.execAsk();
                switch (format) {
                    case csv -> ResultSetFormatter.outputAsCSV(out, answer);
                    case tsv -> ResultSetFormatter.outputAsTSV(out, answer);
                    case json -> ResultSetFormatter.outputAsJSON(out, answer);
                    default -> out.println(answer ? "yes" : "no");
                }
            } else if (query.isConstructType() || query.isDescribeType()) {
                var model = query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
                model.setNsPrefixes(Vocab.prefixes());
                RDFDataMgr.write(out, model, format == Format.json ? Lang.JSONLD : Lang.TURTLE);
            } else {
                throw new UserException("unsupported query form");
            }
        }
    }

    private static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserException("no such query file: " + file);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Lets the formatters close their stream without closing stdout. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

}
