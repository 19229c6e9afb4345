package org.newsgraph.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.riot.thrift.ThriftRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.sparql.core.Prologue;

/**
 * SPARQL query with every result complete or an error status. Fuseki streams SELECT results as
 * the query runs, so a query that hits the timeout half-way has already answered 200 and ends its
 * body with a "Query cancelled" comment that no client can tell from data. Here the query runs to
 * its end first: SELECT rows go to a temporary file (RDF Thrift, at most {@code maxResultBytes}),
 * CONSTRUCT and DESCRIBE results and JSON items to memory (bounded too), and only then is the
 * response written, from the finished result. A timeout is Fuseki's 503 ("Query timed out"),
 * a result over the limit 503 saying so, before any byte is sent.
 */
final class WholeResultQuery extends SPARQL_QueryDataset {

    /** Bytes of memory a CONSTRUCT or DESCRIBE triple takes, roughly, held in a Jena memory graph. */
    static final int BYTES_PER_TRIPLE_HELD = 256;

    private static final String SPOOL = WholeResultQuery.class.getName() + ".spool";

    private final long maxResultBytes;

    WholeResultQuery(long maxResultBytes) {
        this.maxResultBytes = maxResultBytes;
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query query, String queryStringLog) {
        if (query.isSelectType()) {
            return new QueryExecResult(spool(action, exec.select()));
        }
        if (query.isConstructType()) {
            return new QueryExecResult(exec.constructDataset(new BoundedDataset()));
        }
        if (query.isDescribeType()) {
            return new QueryExecResult(exec.describe(new BoundedGraph()));
        }
        if (query.isJsonType()) {
            return new QueryExecResult(jsonItems(exec.execJsonItems()));
        }
        return super.executeQuery(action, exec, query, queryStringLog);
    }

    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue prologue) {
        try {
            super.sendResults(action, result, prologue);
        } finally {
            if (action.getRequest().getAttribute(SPOOL) instanceof Spool spool) {
                spool.delete();
            }
        }
    }

    private long maxTriples() {
        return Math.max(1, maxResultBytes / BYTES_PER_TRIPLE_HELD);
    }

    /** All the rows, written to a file and read back as they are sent. */
    private RowSet spool(HttpAction action, RowSet rows) {
        Spool spool = new Spool();
        try {
            try (OutputStream out = new BufferedOutputStream(new LimitedOutputStream(Files.newOutputStream(spool.file),
                    maxResultBytes), 1 << 16)) {
                ThriftRDF.writeRowSet(out, rows);
            } catch (ResultTooLarge e) {
                tooLarge();
            } finally {
                rows.close();
            }
            InputStream in = new BufferedInputStream(Files.newInputStream(spool.file), 1 << 16);
            spool.in = in;
            action.getRequest().setAttribute(SPOOL, spool);
            return ThriftRDF.readRowSet(in);
        } catch (IOException e) {
            spool.delete();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            spool.delete();
            throw e;
        }
    }

    private Iterator<JsonObject> jsonItems(Iterator<JsonObject> items) {
        List<JsonObject> all = new ArrayList<>();
        long bytes = 0;
        while (items.hasNext()) {
            JsonObject item = items.next();
            bytes += item.toString().length();
            if (bytes > maxResultBytes) {
                tooLarge();
            }
            all.add(item);
        }
        return all.iterator();
    }

    private void tooLarge() {
        ServletOps.error(503, "The result is larger than this server sends (" + maxResultBytes / (1024 * 1024)
                + " MiB, serve --max-result): narrow the query or add a LIMIT");
    }

    /** The temporary file of one SELECT result. */
    private static final class Spool {
        final Path file;
        InputStream in;

        Spool() {
            try {
                file = Files.createTempFile("newsgraph-result-", ".trdf");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void delete() {
            try {
                if (in != null) {
                    in.close();
                }
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary file; the system cleans it up.
            }
        }
    }

    /** Unchecked, so that it passes through the Thrift writer (which wraps I/O errors). */
    private static final class ResultTooLarge extends RuntimeException {
        ResultTooLarge() {
            super(null, null, false, false);
        }
    }

    private static final class LimitedOutputStream extends FilterOutputStream {
        private final long limit;
        private long written;

        LimitedOutputStream(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            out.write(b, off, len);
        }

        private void count(int n) {
            written += n;
            if (written > limit) {
                throw new ResultTooLarge();
            }
        }
    }

    /** Counts what a result holds, refusing it past the limit. */
    private final class Count {
        private final long max = maxTriples();
        private long held;

        void one() {
            if (++held > max) {
                tooLarge();
            }
        }
    }

    private final class BoundedDataset extends DatasetGraphWrapper {
        private final Count count = new Count();

        BoundedDataset() {
            super(DatasetGraphFactory.create());
        }

        @Override
        public void add(Quad quad) {
            count.one();
            super.add(quad);
        }
    }

    private final class BoundedGraph extends GraphWrapper {
        private final Count count = new Count();

        BoundedGraph() {
            super(GraphFactory.createDefaultGraph());
        }

        @Override
        public void add(Triple triple) {
            count.one();
            super.add(triple);
        }
    }
}
