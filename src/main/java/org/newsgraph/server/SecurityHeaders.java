package org.newsgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every response carries: no content-type sniffing, no framing by other sites, no
 * referrer to other sites, and a content security policy: {@link #UI_POLICY} unless the response
 * sets its own (newsgraph's script-free pages, {@link HtmlPage#CONTENT_SECURITY_POLICY}).
 */
final class SecurityHeaders implements Filter {

    /**
     * Fuseki's query UI: its own scripts and styles from this server, nothing inline from data
     * (its index.html has no inline script), no plugins, no other origins.
     */
    static final String UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (res instanceof HttpServletResponse response) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "same-origin");
            response.setHeader("Content-Security-Policy", UI_POLICY);
        }
        chain.doFilter(req, res);
    }
}
