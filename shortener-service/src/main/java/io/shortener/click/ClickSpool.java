package io.shortener.click;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where click events wait while Kafka cannot take them: append-only segment files of JSON lines, synced
 * to disk after every batch, read back oldest first. A segment is deleted only once all of it has been
 * sent. Past {@code maxBytes} in all, new events are refused (the caller counts them as dropped) rather
 * than filling the disk. Used by one thread.
 */
public final class ClickSpool implements AutoCloseable {

    private static final long SEGMENT_BYTES = 8L * 1024 * 1024;

    private final Path dir;
    private final long maxBytes;
    private FileChannel current;
    private Path currentPath;
    private long currentBytes;
    private long totalBytes;
    private long nextSegment;

    public ClickSpool(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
            for (Path segment : segments()) {
                totalBytes += Files.size(segment);
                nextSegment = Math.max(nextSegment, number(segment) + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the click spool " + dir, e);
        }
    }

    public boolean hasPending() {
        return totalBytes > 0;
    }

    public long pendingBytes() {
        return totalBytes;
    }

    /** Appends the lines and syncs them; returns how many fitted under the cap (the rest are not written). */
    public int append(List<String> lines) throws IOException {
        StringBuilder batch = new StringBuilder();
        int accepted = 0;
        long bytes = 0;
        for (String line : lines) {
            long size = line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (totalBytes + bytes + size > maxBytes) {
                break;
            }
            batch.append(line).append('\n');
            bytes += size;
            accepted++;
        }
        if (accepted == 0) {
            return 0;
        }
        if (current == null || currentBytes >= SEGMENT_BYTES) {
            roll();
        }
        ByteBuffer buffer = ByteBuffer.wrap(batch.toString().getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            current.write(buffer);
        }
        current.force(false);
        currentBytes += bytes;
        totalBytes += bytes;
        return accepted;
    }

    /**
     * Hands every spooled line to {@code send}, oldest first, a segment at a time; a segment is deleted
     * once {@code send} has returned normally for all its lines and {@code flush} has succeeded. Stops at
     * the first failure, which it rethrows, keeping that segment whole for the next try.
     */
    public long replay(LineSender send, Flush flush) throws Exception {
        closeCurrent();
        long replayed = 0;
        for (Path segment : segments()) {
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = Files.newBufferedReader(segment, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                }
            }
            for (String line : lines) {
                send.send(line);
            }
            flush.flush();
            long size = Files.size(segment);
            Files.delete(segment);
            totalBytes -= size;
            replayed += lines.size();
        }
        totalBytes = Math.max(0, totalBytes);
        return replayed;
    }

    @FunctionalInterface
    public interface LineSender {
        void send(String line) throws Exception;
    }

    @FunctionalInterface
    public interface Flush {
        void flush() throws Exception;
    }

    @Override
    public void close() {
        closeCurrent();
    }

    private void roll() throws IOException {
        closeCurrent();
        currentPath = dir.resolve(String.format("clicks-%012d.jsonl", nextSegment++));
        current = FileChannel.open(currentPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        currentBytes = Files.size(currentPath);
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // Everything written was already forced to disk.
            }
            current = null;
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> path.getFileName().toString().matches("clicks-\\d+\\.jsonl")).sorted().toList();
        }
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring("clicks-".length(), name.length() - ".jsonl".length()));
    }
}
