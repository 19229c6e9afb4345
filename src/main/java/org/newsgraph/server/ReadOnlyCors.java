package org.newsgraph.server;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.eclipse.jetty.ee10.servlets.CrossOriginFilter;

/**
 * CORS for browser-based RDF tools hosted anywhere: Jetty's filter, answering any origin for
 * reads (GET, HEAD, POST of a query) and their preflights, but never with credentials and never
 * allowing an {@code Authorization} header, so a page elsewhere cannot write through a user's
 * browser: writes need basic auth, which a cross-origin request then cannot carry.
 */
final class ReadOnlyCors extends CrossOriginFilter {

    static final Map<String, String> SETTINGS = Map.of(
            ALLOWED_ORIGINS_PARAM, "*",
            ALLOWED_METHODS_PARAM, "GET,HEAD,POST,OPTIONS",
            ALLOWED_HEADERS_PARAM, "X-Requested-With,Content-Type,Accept,Origin",
            ALLOW_CREDENTIALS_PARAM, "false",
            EXPOSED_HEADERS_PARAM, "Content-Length,Content-Type,Content-Location,Link,Vary",
            PREFLIGHT_MAX_AGE_PARAM, "1800",
            CHAIN_PREFLIGHT_PARAM, "false");

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(new FilterConfig() {
            @Override
            public String getFilterName() {
                return "cors";
            }

            @Override
            public ServletContext getServletContext() {
                return config.getServletContext();
            }

            @Override
            public String getInitParameter(String name) {
                return SETTINGS.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(SETTINGS.keySet());
            }
        });
    }
}
