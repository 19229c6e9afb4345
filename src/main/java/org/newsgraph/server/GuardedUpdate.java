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
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * SPARQL Update without what the server refuses by default: {@code LOAD}, which would let a
 * client make the server read its own files ({@code file:///etc/passwd}) or fetch URLs (403
 * unless {@code --allow-load}), and {@code SERVICE} in a WHERE clause (422, as for queries,
 * unless {@code --allow-service}; left to run, it failed with 500).
 */
final class GuardedUpdate extends SPARQL_Update {

    private final boolean allowLoad;
    private final boolean allowService;

    GuardedUpdate(boolean allowLoad, boolean allowService) {
        this.allowLoad = allowLoad;
        this.allowService = allowService;
    }

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
        if (!allowLoad && request.getOperations().stream().anyMatch(u -> u instanceof UpdateLoad)) {
            throw new OperationDeniedException("LOAD is not allowed on this server");
        }
        if (!allowService && request.getOperations().stream().anyMatch(GuardedUpdate::callsService)) {
            ServletOps.error(422, "SERVICE is not allowed on this server");
        }
        super.execute(action, new ByteArrayInputStream(body));
    }

    private static boolean callsService(Update update) {
        if (!(update instanceof UpdateModify modify) || modify.getWherePattern() == null) {
            return false;
        }
        boolean[] found = {false};
        ElementWalker.walk(modify.getWherePattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementService el) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
