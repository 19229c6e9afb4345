package org.newsgraph.server;

import java.net.URI;

/** Maps node IRIs under the base to paths on this server, and back. */
final class LinkRewriter {

    private final String base;
    private final String basePath;

    LinkRewriter(String base) {
        this.base = base;
        String path = URI.create(base).getRawPath();
        this.basePath = path == null || path.isEmpty() ? "/" : path;
    }

    /** The servlet path spec that serves the base, e.g. {@code /id/*}. */
    String pathSpec() {
        return (basePath.endsWith("/") ? basePath : basePath + "/") + "*";
    }

    String basePath() {
        return basePath;
    }

    /** Where a browser on this server should go for {@code iri}. */
    String href(String iri) {
        return iri.startsWith(base) ? basePath + iri.substring(base.length()) : iri;
    }

    /** The node IRI a request path under the base names. */
    String iriFor(String requestPath) {
        return base + requestPath.substring(Math.min(basePath.length(), requestPath.length()));
    }
}
