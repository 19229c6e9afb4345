package org.newsgraph.server;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * Sets a parameter of a sample query on its syntax tree: the one element that binds the variable,
 * a subquery selecting it (which picks the default) or a {@code VALUES} of it alone, becomes
 * {@code VALUES ?var { value }}. The value is a node in the tree, never text in the query, so
 * nothing in it can change the query's shape.
 */
final class ParameterBinder {

    private ParameterBinder() {
    }

    /**
     * A query whose first answer is the value {@code query} uses for {@code var} when none is
     * chosen: the subquery that picks it, or its {@code VALUES} on their own.
     */
    static Query defaultPick(Query query, Var var) {
        Element binder = apply(query, var, null).binder();
        if (binder instanceof ElementSubQuery sub) {
            return sub.getQuery();
        }
        Query values = new Query();
        values.setQuerySelectType();
        values.addResultVar(var);
        ElementGroup pattern = new ElementGroup();
        pattern.addElement(binder);
        values.setQueryPattern(pattern);
        return values;
    }

    /** {@code query} with {@code var} bound to {@code value} instead. */
    static Query bind(Query query, Var var, Node value) {
        return apply(query, var, value).query();
    }

    private record Applied(Query query, Element binder) {
    }

    private static Applied apply(Query query, Var var, Node value) {
        Finder finder = new Finder(var, value);
        Query result = QueryTransformOps.transform(query, finder);
        if (finder.found.size() != 1) {
            throw new IllegalStateException("the query declares the parameter ?" + var.getVarName() + " but has "
                    + (finder.found.isEmpty() ? "no" : finder.found.size()) + " subquery or VALUES binding it alone");
        }
        return new Applied(result, finder.found.get(0));
    }

    /**
     * Looks at the members of every group. Jena 5.6 rebuilds a subquery without calling
     * {@code transform(ElementSubQuery, Query)}, but a subquery is always a member of a group,
     * so it is seen (and replaced) there; groups inside subqueries are visited too.
     */
    private static final class Finder extends ElementTransformCopyBase {
        private final Var var;
        private final Node value;
        final List<Element> found = new ArrayList<>();

        Finder(Var var, Node value) {
            this.var = var;
            this.value = value;
        }

        @Override
        public Element transform(ElementGroup group, List<Element> members) {
            List<Element> out = new ArrayList<>(members.size());
            boolean changed = false;
            for (Element e : members) {
                if (binds(e)) {
                    found.add(e);
                    if (value != null) {
                        out.add(new ElementData(List.of(var), List.of(BindingFactory.binding(var, value))));
                        changed = true;
                        continue;
                    }
                }
                out.add(e);
            }
            return changed ? group(out) : super.transform(group, members);
        }

        private boolean binds(Element e) {
            if (e instanceof ElementSubQuery sub) {
                return sub.getQuery().getProjectVars().contains(var);
            }
            return e instanceof ElementData data && data.getVars().equals(List.of(var));
        }

        private static ElementGroup group(List<Element> members) {
            ElementGroup g = new ElementGroup();
            members.forEach(g::addElement);
            return g;
        }
    }
}
