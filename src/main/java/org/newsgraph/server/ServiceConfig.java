package org.newsgraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.newsgraph.store.RdfErrors;
import org.newsgraph.store.StoreLayout;

/**
 * The Fuseki configuration {@code serve} runs: {@code fuseki-config/config.ttl} (or the copy in the
 * jar), with the store locations pointed at the store being served and the query timeout and
 * SERVICE setting taken from the command line.
 */
final class ServiceConfig {

    static final String DEFAULT_FILE = "fuseki-config/config.ttl";
    private static final String TDB2 = "http://jena.apache.org/2016/tdb#";
    private static final String TEXT = "http://jena.apache.org/text#";
    private static final String JA = "http://jena.hpl.hp.com/2005/11/Assembler#";

    private ServiceConfig() {
    }

    static Model load(ServerOptions options) {
        Model model = ModelFactory.createDefaultModel();
        Path file = options.config() != null ? options.config() : Path.of(DEFAULT_FILE);
        if (Files.isRegularFile(file)) {
            try {
                RDFParser.source(file).lang(Lang.TURTLE).errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
                        .parse(model);
            } catch (RiotException e) {
                throw new ServerException("not a Fuseki configuration (Turtle): " + RdfErrors.located(file, e));
            }
        } else if (options.config() != null) {
            throw new ServerException("no such configuration file: " + file);
        } else {
            try (InputStream in = ServiceConfig.class.getResourceAsStream("/" + DEFAULT_FILE)) {
                RDFParser.source(in).lang(Lang.TURTLE).base("file:///" + DEFAULT_FILE).parse(model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        StoreLayout layout = new StoreLayout(options.store());
        replace(model, model.createProperty(TDB2, "location"), layout.database().toAbsolutePath().normalize().toString());
        replace(model, model.createProperty(TEXT, "directory"), layout.textIndex().toAbsolutePath().normalize().toString());
        setContext(model, "arq:queryTimeout", Long.toString(options.timeoutSeconds() * 1000L));
        setContext(model, "arq:httpServiceAllowed", Boolean.toString(options.allowService()));
        return model;
    }

    private static void replace(Model model, Property property, String value) {
        for (Statement s : model.listStatements(null, property, (RDFNode) null).toList()) {
            model.remove(s);
            model.add(s.getSubject(), property, value);
        }
    }

    /** Sets a context value wherever the configuration sets that context name. */
    private static void setContext(Model model, String name, String value) {
        Property cxtName = model.createProperty(JA, "cxtName");
        Property cxtValue = model.createProperty(JA, "cxtValue");
        List<Resource> entries = model.listResourcesWithProperty(cxtName, name).toList();
        for (Resource entry : entries) {
            entry.removeAll(cxtValue);
            Literal literal = model.createLiteral(value);
            entry.addProperty(cxtValue, literal);
        }
    }
}
