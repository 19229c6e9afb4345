package org.newsgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * Answers a HEAD of a query (a GET URL with {@code ?query=}) with the headers its GET would have:
 * Fuseki answers 405 to HEAD on a query endpoint, and {@code curl -I} or a link checker then
 * reports the endpoint broken. The query runs as for GET; Jetty sends no body for a HEAD.
 */
final class QueryHead implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && "HEAD".equals(request.getMethod())
                && request.getParameter("query") != null) {
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public String getMethod() {
                    return "GET";
                }
            }, res);
            return;
        }
        chain.doFilter(req, res);
    }
}
