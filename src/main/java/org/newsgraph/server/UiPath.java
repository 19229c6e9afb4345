package org.newsgraph.server;

import org.eclipse.jetty.rewrite.handler.RedirectPatternRule;
import org.eclipse.jetty.rewrite.handler.RewriteHandler;
import org.eclipse.jetty.rewrite.handler.RewritePatternRule;
import org.eclipse.jetty.rewrite.handler.RewriteRegexRule;

/**
 * Serves the Fuseki UI under {@code /ui/}, leaving {@code /} to the home page. The UI is made to
 * run under a context path: it asks for {@code $/server}, {@code news/sparql} and its files
 * relative to where it was loaded, so {@code /ui/X} is served as {@code /X} and the UI works
 * unchanged (and every endpoint keeps its own access rules).
 */
final class UiPath {

    static final String PATH = "/ui/";

    private UiPath() {
    }

    /** The Fuseki UI's query editor on the news dataset with {@code encodedQuery} in it. */
    static String queryEditor(String encodedQuery) {
        return PATH + "#/dataset/news/query?query=" + encodedQuery;
    }

    static RewriteHandler handler() {
        RewriteHandler rewrite = new RewriteHandler();
        rewrite.addRule(new RedirectPatternRule("/ui", PATH));
        RewritePatternRule index = new RewritePatternRule("/ui/", "/index.html");
        index.setTerminating(true);
        rewrite.addRule(index);
        RewriteRegexRule rest = new RewriteRegexRule("^/ui(/.+)$", "$1");
        rest.setTerminating(true);
        rewrite.addRule(rest);
        // The UI's old address, so bookmarks still find it.
        rewrite.addRule(new RedirectPatternRule("/index.html", PATH));
        return rewrite;
    }
}
