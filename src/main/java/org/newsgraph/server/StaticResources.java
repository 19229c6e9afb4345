package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The scripts and style sheet of the neighbourhood page, from the jar: a fixed list of paths (so
 * no request names a file), read once at start. Cytoscape.js comes from its WebJar, at a path
 * with its version in it, so it is cached for a year; newsgraph's own files change with the jar
 * at the same path, so a browser asks again each time (and gets 304 while its copy is current).
 */
final class StaticResources extends HttpServlet {

    private static final String WEBJAR = "META-INF/resources/webjars/cytoscape/";
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/cytoscape/pom.properties";
    static final String SCRIPT = "/assets/neighbourhood.js";
    static final String STYLE = "/assets/neighbourhood.css";

    private static final String JS = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";

    /** A file served: its bytes, type, entity tag and caching. */
    private record Resource(byte[] bytes, String contentType, String etag, String cacheControl) {
    }

    private final transient Map<String, Resource> resources = new LinkedHashMap<>();
    private final String cytoscape;

    StaticResources() {
        // The version of the WebJar on the class path, from its Maven metadata: the pom names it once.
        String version = read(WEBJAR_POM, "the Cytoscape.js WebJar's version").getProperty("version");
        cytoscape = "/webjars/cytoscape/" + version + "/cytoscape.min.js";
        add(cytoscape, WEBJAR + version + "/dist/cytoscape.min.js", JS, "public, max-age=31536000, immutable");
        add(SCRIPT, "newsgraph/assets/neighbourhood.js", JS, "no-cache");
        add(STYLE, "newsgraph/assets/neighbourhood.css", CSS, "no-cache");
    }

    /** The path of Cytoscape.js on this server. */
    String cytoscape() {
        return cytoscape;
    }

    private void add(String path, String classpath, String contentType, String cacheControl) {
        byte[] bytes = read(classpath);
        resources.put(path, new Resource(bytes, contentType, etag(bytes), cacheControl));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Resource r = resources.get(request.getRequestURI());
        if (r == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such file");
            return;
        }
        response.setHeader("Cache-Control", r.cacheControl());
        response.setHeader("ETag", r.etag());
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(r.etag()) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(r.contentType());
        response.setContentLength(r.bytes().length);
        response.getOutputStream().write(r.bytes());
    }

    private static byte[] read(String classpath) {
        try (InputStream in = StaticResources.class.getClassLoader().getResourceAsStream(classpath)) {
            if (in == null) {
                // A jar without the page's files is a broken build: say so at start, not with 404s later.
                throw new IllegalStateException("the jar has no " + classpath);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classpath + " from the jar", e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties read(String classpath, String what) {
        Properties p = new Properties();
        try {
            p.load(new java.io.ByteArrayInputStream(read(classpath)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " from " + classpath, e);
        }
        return p;
    }
}
