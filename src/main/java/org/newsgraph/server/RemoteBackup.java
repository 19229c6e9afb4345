package org.newsgraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.newsgraph.store.Backups;
import org.newsgraph.store.StoreException;

/**
 * A backup of a served store, through its server: the dataset as N-Quads from the Graph Store
 * endpoint ({@code GET /news}), which Fuseki writes in one read transaction. The answer is parsed
 * on its way into the file, so a cut connection or a broken answer is an error, not a short file.
 */
public final class RemoteBackup {

    private RemoteBackup() {
    }

    /** Writes the dataset served at {@code serverUrl} (ending in '/') to {@code file}; returns the quads. */
    public static long backup(String serverUrl, Path file) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl.replaceAll("/+$", "") + NewsServer.DATASET))
                .header("Accept", Lang.NQUADS.getHeaderString()).GET().build();
        return Backups.write(file, out -> {
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new StoreException("the server at " + serverUrl + " answered " + response.statusCode()
                            + " to " + request.uri() + "; no backup written");
                }
                RDFParser.source(body).lang(Lang.NQUADS).parse(out);
            } catch (RiotException e) {
                throw new StoreException("the server at " + serverUrl + " sent a broken answer (" + e.getMessage()
                        + "); no backup written");
            }
        });
    }
}
