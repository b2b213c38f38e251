package io.shortener.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Which version of the job's state a checkpoint holds, recorded in a file of its own next to Spark's.
 * Spark notices a changed stateful operator only at the first micro-batch, and then fails every restart
 * the same way; this check says so before the query starts, once, with what to do.
 */
final class CheckpointFormat {

    /** The de-duplication this version keeps in its state: FirstDeliveries (transformWithState, event-time timers). */
    static final String CURRENT = "first-deliveries";

    private static final String FILE = "shortener-format";

    private final FileSystem fs;
    private final Path checkpoint;

    CheckpointFormat(String checkpoint, Configuration hadoop) {
        this.checkpoint = new Path(checkpoint);
        try {
            this.fs = this.checkpoint.getFileSystem(hadoop);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the checkpoint " + checkpoint, e);
        }
    }

    /** Records the current format in a new checkpoint; refuses one written for other state. */
    void claim() {
        try {
            Path file = new Path(checkpoint, FILE);
            if (fs.exists(file)) {
                String found;
                try (FSDataInputStream in = fs.open(file)) {
                    found = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                }
                if (!found.equals(CURRENT)) {
                    throw new IncompatibleCheckpoint(checkpoint, found);
                }
                return;
            }
            if (fs.exists(new Path(checkpoint, "offsets"))) {
                // Resumed before: by a version older than this file, which de-duplicated with dropDuplicatesWithinWatermark.
                throw new IncompatibleCheckpoint(checkpoint, "dropDuplicatesWithinWatermark");
            }
            fs.mkdirs(checkpoint);
            try (FSDataOutputStream out = fs.create(file, false)) {
                out.write((CURRENT + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + FILE + " in the checkpoint " + checkpoint, e);
        }
    }

    static final class IncompatibleCheckpoint extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        IncompatibleCheckpoint(Path checkpoint, String found) {
            super("the checkpoint " + checkpoint + " holds the state of another de-duplication (" + found + ") than this job's ("
                    + CURRENT + "), which Spark cannot carry over. Start with a new checkpoint; so that nothing is counted "
                    + "twice, let the earlier job work off its backlog first and start this one from where it stopped "
                    + "(--starting-offsets, README: \"Upgrading the job\"). For bin/shortener up's local stack: "
                    + "bin/shortener down && rm -rf .devstack/local && bin/shortener up (starts with empty data).");
        }
    }
}
