package org.newsgraph.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.newsgraph.mapping.FileMapper;
import org.newsgraph.source.ParsedFile;
import org.newsgraph.source.Position;
import org.newsgraph.source.RecordReader;
import org.newsgraph.source.SourceException;
import org.newsgraph.source.SourceFile;
import org.newsgraph.source.SourceText;

/** Reads, checks and maps one file; safe to run on many threads at once. */
final class FileReader {

    private final FileMapper mapper;
    private final Instant loadTime;

    FileReader(FileMapper mapper, Instant loadTime) {
        this.mapper = mapper;
        this.loadTime = loadTime;
    }

    /** @param known what the store holds for this file, or null */
    FileResult read(SourceFile file, FileIndex.Entry known) {
        try {
            // The stamp is taken before the content: a change in between is seen by the next build.
            // (Files the index vouches for by their stamp never come here: CorpusLoader counts them.)
            FileIndex.Stamp stamp = FileIndex.Stamp.of(Files.readAttributes(file.path(), BasicFileAttributes.class));
            long size = stamp.size();
            if (size > SourceText.MAX_BYTES) {
                throw new SourceException(Position.START, "file is larger than "
                        + (SourceText.MAX_BYTES / (1024 * 1024)) + " MiB (" + size + " bytes)");
            }
            byte[] bytes = Files.readAllBytes(file.path());
            String hash = contentHash(bytes);
            FileIndex.Entry entry = new FileIndex.Entry(hash, stamp);
            if (known != null && hash.equals(known.hash())) {
                return new FileResult.Unchanged(file, entry);
            }
            ParsedFile parsed = RecordReader.read(file.kind(), SourceText.decode(bytes));
            if (parsed == null) {
                return new FileResult.NotSource(file);
            }
            return new FileResult.Loaded(file, mapper.map(file, hash, loadTime, parsed), entry);
        } catch (SourceException e) {
            return new FileResult.Rejected(file, e.format(file.displayPath()));
        } catch (IOException e) {
            return rejected(file, "cannot read: " + SourceException.describe(e));
        } catch (RuntimeException | StackOverflowError e) {
            // A fault of ours, not of the file: still only this file is lost, and the report says so.
            return rejected(file, "internal error (please report): " + e);
        }
    }

    private static FileResult rejected(SourceFile file, String why) {
        return new FileResult.Rejected(file, new SourceException(Position.START, why).format(file.displayPath()));
    }

    static String contentHash(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
