package org.newsgraph.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.graph.Node;
import org.apache.jena.http.HttpLib;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * The requests of the SPARQL 1.1 Graph Store Protocol that {@code build --target} makes: PUT of a
 * whole graph, streamed as N-Triples from a read transaction on the local store while it goes
 * (a graph of any size in constant memory), and DELETE. Credentials go with every request (HTTP
 * Basic), since a streamed body cannot be sent again after a challenge.
 */
final class GraphStoreClient {

    /** A request the remote did not take; the message is the one line a user sees. */
    static final class RemoteException extends RuntimeException {
        RemoteException(String message) {
            super(message);
        }
    }

    private final GraphStoreTarget target;
    private final HttpClient http;

    GraphStoreClient(GraphStoreTarget target) {
        this.target = target;
        // HTTP/1.1: a streamed body is sent once, never in an upgrade attempt.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    /**
     * Replaces the remote's graph by the local one, {@code bytes} long in N-Triples (announced, so a
     * remote with a limit can refuse it before it is sent); returns the triples sent.
     */
    long put(DatasetGraph local, Node graph, long bytes) {
        AtomicLong triples = new AtomicLong();
        AtomicReference<Throwable> writeFailure = new AtomicReference<>();
        PipedInputStream body = new PipedInputStream(1 << 16);
        Thread writer;
        try {
            PipedOutputStream out = new PipedOutputStream(body);
            writer = new Thread(() -> write(local, graph, out, triples, writeFailure), "newsgraph-gsp-writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer.setDaemon(true);
        HttpRequest request = request(graph)
                .header("Content-Type", "application/n-triples; charset=utf-8")
                // The remote answers a refusal before the body goes, instead of cutting it off.
                .expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    writer.start();
                    return body;
                }), bytes))
                .build();
        try {
            HttpResponse<String> response;
            try {
                response = send(request, "PUT of graph " + name(graph));
            } catch (RemoteException e) {
                // A body cut short because the store could not be read is the store's failure: say that.
                failIfUnread(graph, writeFailure);
                throw e;
            }
            failIfUnread(graph, writeFailure);
            check(response, "PUT of graph " + name(graph), false);
            return triples.get();
        } finally {
            // The writer stops at its next write into a closed pipe. Not an interrupt: that would
            // close the database's file channels under it.
            closeQuietly(body);
        }
    }

    private static void failIfUnread(Node graph, AtomicReference<Throwable> writeFailure) {
        if (writeFailure.get() != null) {
            throw new StoreException("cannot read graph " + name(graph) + " from the store: " + writeFailure.get());
        }
    }

    /** Deletes the remote's graph; one it does not have is as good as deleted. */
    void delete(Node graph) {
        HttpResponse<String> response = send(request(graph).DELETE().build(), "DELETE of graph " + name(graph));
        check(response, "DELETE of graph " + name(graph), true);
    }

    private static void write(DatasetGraph local, Node graph, OutputStream out, AtomicLong triples,
            AtomicReference<Throwable> failure) {
        try (out) {
            Txn.executeRead(local, () -> {
                StreamRDF writer = writer(out);
                writer.start();
                Iterator<Quad> it = local.find(graph, Node.ANY, Node.ANY, Node.ANY);
                while (it.hasNext()) {
                    writer.triple(it.next().asTriple());
                    triples.incrementAndGet();
                }
                writer.finish();
            });
        } catch (IOException | RuntimeException e) {
            // The remote stopped reading (it answered already) or the store failed: the response says which.
            if (!(e instanceof UncheckedIOException) && !(e.getCause() instanceof IOException)) {
                failure.set(e);
            }
        }
    }

    /** How a graph is sent: N-Triples, in UTF-8. */
    static StreamRDF writer(OutputStream out) {
        return StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES);
    }

    private HttpRequest.Builder request(Node graph) {
        String query = Quad.isDefaultGraph(graph) ? "default"
                : "graph=" + URLEncoder.encode(graph.getURI(), StandardCharsets.UTF_8);
        String base = target.url().toString();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + (base.contains("?") ? "&" : "?") + query));
        if (target.user() != null) {
            b.header("Authorization", HttpLib.basicAuth(target.user(), target.password()));
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new RemoteException("cannot reach " + target.url() + ": connection refused");
        } catch (HttpTimeoutException e) {
            throw new RemoteException("cannot reach " + target.url() + ": no answer within 30 s");
        } catch (IOException e) {
            throw new RemoteException(what + " to " + target.url() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(what + " to " + target.url() + " interrupted");
        }
    }

    private void check(HttpResponse<String> response, String what, boolean notFoundIsFine) {
        int code = response.statusCode();
        if (code / 100 == 2 || (notFoundIsFine && code == 404)) {
            return;
        }
        String where = target.url().toString();
        String message = switch (code) {
            case 401 -> where + " answered 401 Unauthorized to " + what
                    + (target.user() == null ? ": give --user NAME --password-file FILE" : ": wrong user name or password");
            case 403 -> where + " answered 403 Forbidden to " + what + ": the user may not write there";
            case 404 -> where + " answered 404 Not Found to " + what + ": is it the store's Graph Store endpoint?";
            case 405 -> where + " answered 405 Method Not Allowed to " + what + ": is it the Graph Store endpoint of an updatable dataset?";
            case 413 -> where + " answered 413 Payload Too Large to " + what
                    + ": the remote limits request bodies; raise its limit";
            default -> where + " answered " + code + " to " + what + firstLine(response.body());
        };
        throw new RemoteException(message);
    }

    private static String firstLine(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().lines().findFirst().orElse("");
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "..." : line);
    }

    static String name(Node graph) {
        return Quad.isDefaultGraph(graph) ? "(default)" : "<" + graph.getURI() + ">";
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing more to read
        }
    }
}
