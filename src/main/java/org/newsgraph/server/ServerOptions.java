package org.newsgraph.server;

import java.nio.file.Path;

/**
 * How to serve a store.
 *
 * @param base the base IRI of the store's nodes; those under it dereference on this server
 * @param passwordFile users allowed to update (Jetty format {@code user: password}); null: read-only
 * @param config a Fuseki configuration to use instead of {@code fuseki-config/config.ttl}; may be null
 * @param maxResultBytes the largest query result the server holds to send (see {@link WholeResultQuery})
 */
public record ServerOptions(Path store, String host, int port, String base, int timeoutSeconds, Path passwordFile,
        boolean allowService, boolean allowLoad, Path config, long maxBodyBytes,
        long maxResultBytes) {
}
