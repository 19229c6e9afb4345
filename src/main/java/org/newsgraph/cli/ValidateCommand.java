package org.newsgraph.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.newsgraph.mapping.Vocab;
import org.newsgraph.store.StoreInfo;
import org.newsgraph.store.StoreLayout;
import org.newsgraph.store.TdbStore;
import org.newsgraph.validate.ShapesValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks the graph (the union of all graphs) against the SHACL shapes in ontology/shapes.ttl.",
        footer = {"", "Exit codes: 0 the graph conforms; 3 it does not (violations listed); 1 usage or store error."})
public final class ValidateCommand implements Callable<Integer> {

    public enum Format { text, turtle }

    @Spec
    CommandSpec spec;

    @ParentCommand
    NewsgraphCommand parent;

    @Mixin
    StoreOption storeOption;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (one line per violation: focus node · path · message) or turtle (the SHACL report).")
    Format format;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        StoreLayout layout = storeOption.existing();
        ShapesValidator validator = ShapesValidator.load();
        DatasetGraph dsg = TdbStore.connect(layout.database());
        ValidationReport report;
        List<String> lines;
        try {
            report = Txn.calculateRead(dsg, () -> validator.validate(dsg.getUnionGraph()));
            lines = ShapesValidator.lines(report, StoreInfo.base(dsg));
        } finally {
            TdbStore.release(layout.database());
        }
        if (format == Format.turtle) {
            report.getGraph().getPrefixMapping().setNsPrefixes(Vocab.prefixes())
                    .setNsPrefix("sh", "http://www.w3.org/ns/shacl#");
            RDFDataMgr.write(new NonClosingStream(parent.stdout), report.getGraph(), RDFFormat.TURTLE_PRETTY);
            parent.stdout.flush();
        } else {
            PrintWriter out = spec.commandLine().getOut();
            lines.forEach(out::println);
            out.println(report.conforms() ? "conforms: the graph satisfies every shape"
                    : "does not conform: " + lines.size() + " violation(s)");
            out.flush();
        }
        return report.conforms() ? ExitCodes.OK : ExitCodes.NOT_CONFORMING;
    }
}
