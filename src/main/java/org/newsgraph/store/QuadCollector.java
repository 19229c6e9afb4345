package org.newsgraph.store;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/** Holds the quads of one file between the parser thread and the writer. */
final class QuadCollector extends StreamRDFBase {
    private final List<Quad> quads = new ArrayList<>();

    @Override
    public void quad(Quad quad) {
        quads.add(quad);
    }

    List<Quad> quads() {
        return quads;
    }
}
