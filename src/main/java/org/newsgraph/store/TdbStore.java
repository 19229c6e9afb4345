package org.newsgraph.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDBException;
import org.apache.jena.tdb2.sys.TDBInternal;

/** Opens and closes TDB2 databases, turning "in use" and "not a database" into user errors. */
public final class TdbStore {

    private TdbStore() {
    }

    /** The databases this process opened, so that they can be closed before their folders move. */
    private static final Map<Path, DatasetGraph> OPEN = new ConcurrentHashMap<>();

    public static synchronized DatasetGraph connect(Path database) {
        Path key = database.toAbsolutePath().normalize();
        try {
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(key));
            OPEN.put(key, dsg);
            return dsg;
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            java.util.regex.Matcher pid = java.util.regex.Pattern.compile("held by process (\\d+)").matcher(msg);
            if (pid.find()) {
                throw inUse(database.getParent(), Long.parseLong(pid.group(1)));
            }
            if (e instanceof TDBException || e instanceof org.apache.jena.dboe.DBOpEnvException) {
                throw new StoreException("cannot open store " + database + ": " + firstLine(msg));
            }
            throw e;
        }
    }

    /**
     * Fails if another process holds the store at {@code layout} (a running {@code serve}): a
     * full build must not move a database that a server has open, which TDB2's lock does not stop
     * because the build writes a new database beside it.
     */
    public static void checkNotHeld(StoreLayout layout) {
        Long holder = StoreInfo.holder(layout);
        if (holder != null) {
            throw inUse(layout.dir(), holder);
        }
    }

    private static StoreException inUse(Path store, long pid) {
        return new StoreInUseException("store " + store + " is in use by process " + pid
                + " (a running 'serve'?): stop it first, or let the server update it with 'serve --watch PATH...'");
    }

    /** Closes the database at {@code database} if this process has it open, so its files can move. */
    public static synchronized void release(Path database) {
        DatasetGraph dsg = OPEN.remove(database.toAbsolutePath().normalize());
        if (dsg != null) {
            TDBInternal.expel(dsg);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
