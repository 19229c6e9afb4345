package org.newsgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.dboe.trans.bplustree.BPTreeNode;
import org.apache.jena.dboe.trans.bplustree.BPTreeNodeMgr;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.StoragePrefixesTDB;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The space a store takes on disk, and how much of it is garbage. TDB2 never overwrites a block:
 * a write transaction copies each block it changes, and the old copies stay in the files until a
 * compaction writes a new database. The live blocks of a B+tree are those its root reaches; the
 * others below its allocation limit are garbage. Node texts (the object file) count as live:
 * finding those nothing refers to any more would take a scan of every index.
 *
 * @param databaseBytes what TDB2 has written of the database: the allocated blocks of its B+trees
 *     and its other files (the B+tree files are sparse, reserved 8 MiB at a time, so their length
 *     says little)
 * @param garbageBytes of those, the blocks no B+tree reaches
 * @param textIndexBytes the Lucene index
 * @param otherBytes the rest of the folder (the file index)
 */
public record StoreSpace(long databaseBytes, long garbageBytes, long textIndexBytes, long otherBytes) {

    public long totalBytes() {
        return databaseBytes + textIndexBytes + otherBytes;
    }

    /** The share of the database's bytes that are garbage, 0 to 1. */
    public double garbageShare() {
        return databaseBytes == 0 ? 0 : (double) garbageBytes / databaseBytes;
    }

    /** Measures the store at {@code layout}, whose TDB2 database {@code dsg} is open. Call inside a transaction. */
    static StoreSpace measure(DatasetGraph dsg, StoreLayout layout) {
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        Path generation = Path.of(tdb.getLocation().getDirectoryPath());
        long blockSize = tdb.getStoreParams().getBlockSize();
        Map<String, BPlusTree> trees = trees(tdb);
        long database = 0;
        long garbage = 0;
        for (Map.Entry<String, BPlusTree> e : trees.entrySet()) {
            BPlusTree tree = e.getValue();
            long allocated = tree.getNodeManager().allocLimit() + tree.getRecordsMgr().allocLimit();
            database += allocated * blockSize;
            garbage += (allocated - liveBlocks(tree)) * blockSize;
        }
        database += sizeOf(generation, name -> !isTreeFile(name, trees));
        long text = sizeOf(layout.textIndex(), name -> true);
        // Besides: the file index, the lock, and any generation a compaction left (by length).
        long other = sizeOf(layout.dir(), name -> true) - sizeOf(generation, name -> true) - text;
        return new StoreSpace(database, garbage, text, other);
    }

    /** Every B+tree of the database by its file name: the tuple indexes and the node-to-id indexes. */
    private static Map<String, BPlusTree> trees(DatasetGraphTDB tdb) {
        Map<String, BPlusTree> trees = new HashMap<>();
        NodeTupleTable prefixes = ((StoragePrefixesTDB) tdb.getStoragePrefixes()).getNodeTupleTable();
        for (NodeTupleTable table : new NodeTupleTable[] {tdb.getTripleTable().getNodeTupleTable(),
            tdb.getQuadTable().getNodeTupleTable(), prefixes}) {
            for (TupleIndex index : table.getTupleTable().getIndexes()) {
                trees.put(index.getName(), (BPlusTree) ((TupleIndexRecord) index).getRangeIndex());
            }
        }
        trees.put(tdb.getStoreParams().getNodeTableBaseName(), nodeIndex(tdb.getQuadTable().getNodeTupleTable()));
        trees.put(tdb.getStoreParams().getPrefixTableBaseName(), nodeIndex(prefixes));
        return trees;
    }

    private static BPlusTree nodeIndex(NodeTupleTable table) {
        return (BPlusTree) ((NodeTableTRDF) table.getNodeTable().baseNodeTable()).getIndex();
    }

    /** The index and record blocks reachable from the tree's root (in this transaction). */
    private static long liveBlocks(BPlusTree tree) {
        BPTreeNodeMgr nodes = tree.getNodeManager();
        Deque<Integer> todo = new ArrayDeque<>();
        todo.push(tree.getRootId());
        long live = 0;
        while (!todo.isEmpty()) {
            BPTreeNode node = nodes.getRead(todo.pop());
            try {
                live++;
                int pointers = node.getPtrBuffer().size();
                if (node.isLeaf()) {
                    // A leaf's pointers are its record blocks.
                    live += pointers;
                } else {
                    for (int i = 0; i < pointers; i++) {
                        todo.push(node.getPtrBuffer().get(i));
                    }
                }
            } finally {
                nodes.release(node);
            }
        }
        return live;
    }

    private static boolean isTreeFile(String name, Map<String, BPlusTree> trees) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && (name.endsWith(".dat") || name.endsWith(".idn")) && trees.containsKey(name.substring(0, dot));
    }

    private static long sizeOf(Path dir, java.util.function.Predicate<String> names) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> names.test(p.getFileName().toString()))
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0; // gone while we looked
                        }
                    }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
