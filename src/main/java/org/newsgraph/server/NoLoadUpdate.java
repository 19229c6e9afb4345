package org.newsgraph.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.shared.OperationDeniedException;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * SPARQL Update without {@code LOAD}: LOAD would let a client make the server read its own files
 * ({@code file:///etc/passwd}) or fetch URLs. Refused with 403 unless {@code --allow-load}.
 */
final class NoLoadUpdate extends SPARQL_Update {

    @Override
    protected void execute(HttpAction action, InputStream input) {
        byte[] body;
        try {
            body = input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UpdateRequest request;
        try {
            request = UpdateFactory.read(new ByteArrayInputStream(body));
        } catch (RuntimeException e) {
            ServletOps.errorBadRequest(e.getMessage());
            return;
        }
        if (request.getOperations().stream().anyMatch(u -> u instanceof UpdateLoad)) {
            throw new OperationDeniedException("LOAD is not allowed on this server");
        }
        super.execute(action, new ByteArrayInputStream(body));
    }
}
