package org.newsgraph.server;

import jakarta.servlet.http.HttpServletRequest;

/** Where this server answered a request: what to advertise in place of the build's localhost:3030. */
final class Origins {

    private Origins() {
    }

    /** {@code scheme://host:port} of the request, as Jetty parsed its Host header. */
    static String of(HttpServletRequest request) {
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return request.getScheme() + "://" + host + ":" + request.getServerPort();
    }
}
