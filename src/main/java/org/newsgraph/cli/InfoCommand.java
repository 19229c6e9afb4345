package org.newsgraph.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.newsgraph.store.BuildRecord;
import org.newsgraph.store.ServerRecord;
import org.newsgraph.store.StoreContents;
import org.newsgraph.store.StoreInfo;
import org.newsgraph.store.StoreLayout;
import org.newsgraph.store.StoreSpace;
import org.newsgraph.store.StoreTotals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Tells what a store holds (counted exactly from its indexes), how much space it takes and how"
                + " much of that is garbage, what it was built with, its last build, and whether a server holds it.",
            "A store a server holds cannot be opened: then only the server's process (and its URL) is told."},
        footer = {"", "Exit codes: 0 told; 1 usage or I/O error, or no store."})
public final class InfoCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption storeOption;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default) or json.")
    Format format;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        StoreLayout layout = storeOption.existing();
        Long holder = StoreInfo.holder(layout);
        ServerRecord server = holder == null ? null : ServerRecord.of(layout);
        StoreInfo.Report report = holder == null ? StoreInfo.report(layout) : null;
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(JSON.toString(json(holder, server, report)).strip());
        } else {
            text(out, holder, server, report);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void text(PrintWriter out, Long holder, ServerRecord server, StoreInfo.Report r) {
        out.printf("store          %s%n", storeOption.store);
        if (r == null) {
            out.printf("server         process %d holds the store%s; stop it to see the rest%n", holder,
                    server == null ? " (a running 'serve'?)" : ", serving it at " + server.url());
            return;
        }
        out.printf("server         none%n");
        out.printf("base           %s%n", r.base() == null ? "unknown (no build record)" : r.base());
        out.printf("mapping        version %s%n", r.mappingVersion() == null ? "unknown" : r.mappingVersion());
        BuildRecord b = r.lastBuild();
        out.printf("last build     %s%n", b == null ? "not recorded" : String.format(Locale.ROOT,
                "%s, started %s, ended %s (%d s): %d files loaded, %d unchanged, %d removed, %d rejected", b.kind(),
                b.started(), b.ended(), Duration.between(b.started(), b.ended()).toSeconds(), b.loaded(), b.unchanged(),
                b.removed(), b.rejected()));
        StoreContents c = r.contents();
        StoreTotals t = c.totals();
        out.printf("files          %d%n", c.files());
        out.printf("items          %d (%d from their own files, %d known only from related lists)%n", t.items(),
                t.items() - t.itemsOnlyRelated(), t.itemsOnlyRelated());
        out.printf("providers      %d%n", t.providers());
        out.printf("topics         %d%n", t.topics());
        out.printf("images         %d%n", t.images());
        out.printf("related links  %d%n", t.relatedLinks());
        out.printf("triples        %d distinct (the union of the graphs but the VoID description)%n", t.triples());
        out.printf("quads          %d%n", c.quads());
        StoreSpace s = r.space();
        out.printf(Locale.ROOT, "size           %s: database %s (%.0f %% garbage), text index %s, other %s%n",
                Sizes.format(s.totalBytes()), Sizes.format(s.databaseBytes()), 100 * s.garbageShare(),
                Sizes.format(s.textIndexBytes()), Sizes.format(s.otherBytes()));
    }

    private JsonObject json(Long holder, ServerRecord record, StoreInfo.Report r) {
        JsonObject o = new JsonObject();
        o.put("store", storeOption.store.toString());
        JsonObject server = new JsonObject();
        server.put("holds", holder != null);
        if (holder != null) {
            server.put("pid", holder);
            if (record != null) {
                server.put("url", record.url());
            }
        }
        o.put("server", server);
        if (r == null) {
            return o;
        }
        if (r.base() != null) {
            o.put("base", r.base());
            o.put("mappingVersion", r.mappingVersion());
        }
        BuildRecord b = r.lastBuild();
        if (b != null) {
            JsonObject build = new JsonObject();
            build.put("kind", b.kind());
            build.put("started", b.started().toString());
            build.put("ended", b.ended().toString());
            build.put("seconds", Duration.between(b.started(), b.ended()).toSeconds());
            build.put("filesLoaded", b.loaded());
            build.put("filesUnchanged", b.unchanged());
            build.put("filesRemoved", b.removed());
            build.put("filesRejected", b.rejected());
            o.put("lastBuild", build);
        }
        StoreContents c = r.contents();
        StoreTotals t = c.totals();
        o.put("files", c.files());
        o.put("items", t.items());
        o.put("itemsOwn", t.items() - t.itemsOnlyRelated());
        o.put("itemsOnlyRelated", t.itemsOnlyRelated());
        o.put("providers", t.providers());
        o.put("topics", t.topics());
        o.put("images", t.images());
        o.put("relatedLinks", t.relatedLinks());
        o.put("triples", t.triples());
        o.put("quads", c.quads());
        StoreSpace s = r.space();
        JsonObject size = new JsonObject();
        size.put("totalBytes", s.totalBytes());
        size.put("databaseBytes", s.databaseBytes());
        size.put("garbageBytes", s.garbageBytes());
        size.put("textIndexBytes", s.textIndexBytes());
        size.put("otherBytes", s.otherBytes());
        o.put("size", size);
        o.put("garbageShare", JsonNumber.value(
                BigDecimal.valueOf(Math.round(s.garbageShare() * 1000) / 1000.0)));
        return o;
    }
}
