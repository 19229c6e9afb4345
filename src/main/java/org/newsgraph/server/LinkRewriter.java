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

    /**
     * Where a browser on this server should go for {@code iri}; null when it must not be a link
     * (source data can hold {@code javascript:} or {@code data:} URLs).
     */
    String href(String iri) {
        if (iri.startsWith(base)) {
            return basePath + iri.substring(base.length());
        }
        String lower = iri.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? iri : null;
    }

    /** The node IRI a request path under the base names. */
    String iriFor(String requestPath) {
        return base + requestPath.substring(Math.min(basePath.length(), requestPath.length()));
    }
}
