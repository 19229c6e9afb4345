package org.newsgraph.store;

import java.net.URI;

/**
 * A remote store fed with the SPARQL 1.1 Graph Store Protocol: its service URL (requests go to
 * {@code URL?graph=IRI} and {@code URL?default}) and, if it wants them, HTTP Basic credentials.
 */
public record GraphStoreTarget(URI url, String user, String password) {

    /** The same URL always names the same target, whatever else the command line says. */
    String key() {
        return url.toString();
    }
}
