package org.newsgraph.store;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.riot.RiotException;

/** RIOT's parse errors as the one line a user reads. */
public final class RdfErrors {

    private static final Pattern POSITION = Pattern.compile("^\\[line: (\\d+), col: (\\d+) *\\] *(.*)$", Pattern.DOTALL);

    private RdfErrors() {
    }

    /** "FILE:LINE:COL: what is wrong", from RIOT's "[line: L, col: C ] what is wrong". */
    public static String located(Path file, RiotException e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = POSITION.matcher(message);
        return m.matches() ? file + ":" + m.group(1) + ":" + m.group(2) + ": " + m.group(3) : file + ": " + message;
    }
}
