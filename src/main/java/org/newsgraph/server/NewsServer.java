package org.newsgraph.server;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mgt.FusekiServerCtl;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.mod.ui.FMod_UI;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newsgraph.mapping.IriMinter;
import org.eclipse.jetty.security.PropertyUserStore;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

/**
 * The SPARQL server: Fuseki (from {@code fuseki-config/config.ttl}) with its UI (under
 * {@code /ui/}), a home page, search, the sample-query pages, neighbourhood views and linked-data
 * pages for node IRIs. Safe by default: bound to one address, read-only, no SERVICE, no LOAD, a
 * timeout on every query and a limit on request bodies.
 */
public final class NewsServer implements AutoCloseable {

    public static final String DATASET = "/news";

    private final FusekiServer server;

    private NewsServer(FusekiServer server) {
        this.server = server;
    }

    public static NewsServer start(ServerOptions options) {
        LinkRewriter links = new LinkRewriter(options.base());
        AtomicReference<FusekiServer> ref = new AtomicReference<>();
        Supplier<DatasetGraph> dataset = () -> datasetOf(ref.get());
        List<SampleQuery> queries = SampleQuery.load(Path.of("queries"));
        IriMinter iris = new IriMinter(options.base());
        NewsLists lists = new NewsLists(iris);
        HomeServlet home = new HomeServlet(dataset, links, iris, lists);
        StaticResources statics = new StaticResources();
        FusekiServer.Builder builder = FusekiServer.create()
                .port(options.port())
                // The UI module alone, without the admin module that would let clients create datasets.
                .fusekiModules(FusekiModules.create(FMod_UI.create()))
                .addServletAttribute(Fuseki.attrFusekiServerCtl, new FusekiServerCtl(null))
                .addServlet("/$/server", new ActionServerStatus())
                .parseConfig(ServiceConfig.load(options))
                .enablePing(true)
                .addFilter("/*", new SecurityHeaders())
                .addFilter("/*", new ChunkedBodyLimit(options.maxBodyBytes()))
                .addFilter("/*", new ReadOnlyCors())
                .addFilter(DATASET + "/*", new ServiceDescription())
                .addFilter(DATASET + "/*", new QueryHead())
                .addServlet("", home)
                .addServlet("/queries/*", new SampleQueriesServlet(queries, dataset, links, lists,
                        options.timeoutSeconds() * 1000L))
                .addServlet("/search", new SearchServlet(dataset, links, options.timeoutSeconds() * 1000L))
                .addServlet(NeighbourhoodServlet.PATH, new NeighbourhoodServlet(dataset, links, new Neighbourhood(lists)))
                .addServlet(NeighbourhoodPage.PATH, new NeighbourhoodPage(dataset, links, statics.cytoscape()))
                .addServlet("/assets/*", statics)
                .addServlet("/webjars/*", statics)
                .addServlet("/.well-known/void", new VoidServlet(dataset, iris.voidGraph()));
        if (!links.basePath().equals("/")) {
            builder.addServlet(links.pathSpec(), new LinkedDataServlet(dataset, links, lists));
        }
        builder.registerOperation(Operation.Query, new WholeResultQuery(options.maxResultBytes()));
        if (!options.allowLoad() || !options.allowService()) {
            builder.registerOperation(Operation.Update, new GuardedUpdate(options.allowLoad(), options.allowService()));
        }
        if (options.passwordFile() != null) {
            builder.passwordFile(options.passwordFile().toString())
                    .auth(AuthScheme.BASIC)
                    .serverAuthPolicy(Auth.ANY_ANON)
                    .addEndpoint(DATASET, "update", Operation.Update, Auth.ANY_USER)
                    .addEndpoint(DATASET, "data", Operation.GSP_RW, Auth.ANY_USER);
        }
        FusekiServer server = builder.build();
        ref.set(server);
        Server jetty = server.getJettyServer();
        for (Connector c : jetty.getConnectors()) {
            if (c instanceof ServerConnector sc) {
                sc.setHost(options.host());
            }
        }
        var ui = UiPath.handler();
        ui.setHandler(jetty.getHandler());
        SizeLimitHandler limit = new SizeLimitHandler(options.maxBodyBytes(), -1);
        limit.setHandler(ui);
        jetty.setHandler(limit);
        try {
            server.start();
        } catch (RuntimeException e) {
            java.net.BindException bind = null;
            boolean failedToBind = false;
            for (Throwable t = e; t != null; t = t.getCause()) {
                bind = t instanceof java.net.BindException b ? b : bind;
                failedToBind |= String.valueOf(t.getMessage()).startsWith("Failed to bind");
            }
            if (bind != null || failedToBind) {
                String why = bind != null && bind.getMessage() != null && !bind.getMessage().startsWith("Address already in use")
                        ? bind.getMessage() : "the port is in use (another server?); choose another with --port";
                throw new ServerException("cannot listen on " + options.host() + ":" + options.port() + ": " + why);
            }
            throw e;
        }
        home.refresh(); // so that the first visitor finds the home page read
        return new NewsServer(server);
    }

    /** The dataset the server serves: the store with its text index. */
    public DatasetGraph dataset() {
        return datasetOf(server);
    }

    private static DatasetGraph datasetOf(FusekiServer server) {
        return server.getDataAccessPointRegistry().get(DATASET).getDataService().getDataset();
    }

    public int port() {
        return server.getHttpPort();
    }

    /** The addresses the server listens on. */
    public List<String> hosts() {
        List<String> hosts = new java.util.ArrayList<>();
        for (Connector c : server.getJettyServer().getConnectors()) {
            if (c instanceof ServerConnector sc) {
                hosts.add(sc.getHost());
            }
        }
        return hosts;
    }

    /** Blocks until the server stops. */
    public void join() {
        server.join();
    }

    @Override
    public void close() {
        server.stop();
        // Fuseki starts the password file's store itself (it rereads the file every 5 s), so
        // stopping the server leaves that scanner running: stop it too.
        for (PropertyUserStore users : server.getJettyServer().getContainedBeans(PropertyUserStore.class)) {
            try {
                users.stop();
            } catch (Exception e) {
                // stopping anyway
            }
        }
    }
}
