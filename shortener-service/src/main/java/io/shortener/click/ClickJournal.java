package io.shortener.click;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The write-ahead spool of clicks: every redirect appends its click here before it answers, and the
 * sending thread reads them back, sends them, and records how far Kafka has acknowledged. Segments
 * are memory-mapped files: an append is a copy into the page cache, with no system call and no fsync,
 * and the page cache outlives the process, so a service killed with SIGKILL loses no click it
 * answered. A machine crash can lose what the kernel had not yet written back; the sender forces the
 * segment to disk about once a second ({@link #force}), which bounds that to about a second of clicks
 * not yet acknowledged by Kafka.
 *
 * <p>Layout: segments {@code clicks-<n>.journal} of a fixed size, records aligned to four bytes, each
 * {@code [int length][payload][padding]}. The length is written last, with release semantics, so that
 * a reader that sees it sees the whole payload; a record cut short by a crash has length 0 and ends its
 * segment. -1 marks a segment's end. A new process never appends to an old segment: it starts the next
 * one, so a cut-off record can never be followed by a new one in the same segment. {@code committed}
 * holds the position up to which Kafka has acknowledged (segment, offset); older segments are deleted.
 *
 * <p>Appends are serialised (a few hundred bytes copied under a lock); reading is for one thread.
 */
public final class ClickJournal implements AutoCloseable {

    /** A position in the journal: a segment and an offset in it. */
    public record Position(long segment, int offset) implements Comparable<Position> {
        @Override
        public int compareTo(Position other) {
            return segment != other.segment ? Long.compare(segment, other.segment) : Integer.compare(offset, other.offset);
        }
    }

    /** A click read back, with the position just after it: commit that once the click is acknowledged. */
    public record Entry(long eventId, RawClick click, Position next) {
    }

    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final int END_OF_SEGMENT = -1;
    // The flags byte of a record. Records written before rules existed hold 0 or HEAD, and no rule bytes.
    private static final byte HEAD = 1;
    /** A rule's and a variant's number (a byte each) follow the flags. */
    private static final byte RULED = 2;
    /** Longer User-Agents and Referers are cut (bytes); what the analytics keep of them is far shorter. */
    static final int MAX_FIELD_BYTES = 2048;

    private final Path dir;
    private final int segmentBytes;
    private final long maxSegments;
    private final ConcurrentHashMap<Long, MappedByteBuffer> mapped = new ConcurrentHashMap<>();
    private final FileChannel committedFile;
    private final long firstSegmentOfThisRun;

    // Writer side, guarded by this.
    private long writeSegment;
    private MappedByteBuffer writeBuffer;
    private int writeOffset;

    // Reader side: the sending thread only.
    private Position readPosition;
    private volatile Position committed;
    private long deletedBefore = -1;

    public ClickJournal(Path dir, int segmentBytes, long maxBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.maxSegments = Math.max(2, maxBytes / segmentBytes);
        try {
            Files.createDirectories(dir);
            committedFile = FileChannel.open(dir.resolve("committed"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            List<Long> existing = segments();
            Position recorded = readCommitted();
            if (existing.isEmpty()) {
                // Nothing left to send: start after whatever was recorded, from the top of a new segment.
                committed = new Position(recorded == null ? 0 : recorded.segment() + 1, 0);
                firstSegmentOfThisRun = committed.segment();
            } else {
                committed = recorded != null ? recorded : new Position(existing.get(0), 0);
                firstSegmentOfThisRun = existing.get(existing.size() - 1) + 1;
            }
            readPosition = committed;
            synchronized (this) {
                openWriteSegment(firstSegmentOfThisRun);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the click journal " + dir, e);
        }
    }

    /**
     * Appends a click; returns false, writing nothing, when the journal is at its size cap (Kafka has
     * been away that long), and the caller counts the click as dropped.
     */
    public boolean append(long eventId, RawClick click) {
        byte[][] fields = {
                utf8(click.code()), utf8(click.clientAddress()), utf8(click.userAgent()), utf8(click.referer()), utf8(click.country())};
        int payload = 8 + 8 + 1 + (click.rule() != 0 ? 2 : 0);
        for (byte[] field : fields) {
            payload += 2 + (field == null ? 0 : field.length);
        }
        int size = align(4 + payload);
        synchronized (this) {
            if (writeOffset + size + 4 > segmentBytes) {
                INT.setRelease(writeBuffer, writeOffset, END_OF_SEGMENT);
                if (segmentsInUse() >= maxSegments) {
                    // Stay on a full segment: the next append that fits after a commit frees space goes on.
                    return false;
                }
                try {
                    openWriteSegment(writeSegment + 1);
                } catch (IOException e) {
                    return false;
                }
            }
            int at = writeOffset + 4;
            writeBuffer.putLong(at, eventId);
            writeBuffer.putLong(at + 8, click.timestampMillis());
            boolean ruled = click.rule() != 0;
            writeBuffer.put(at + 16, (byte) ((click.head() ? HEAD : 0) | (ruled ? RULED : 0)));
            at += 17;
            if (ruled) {
                writeBuffer.put(at, (byte) click.rule());
                writeBuffer.put(at + 1, (byte) click.variant());
                at += 2;
            }
            for (byte[] field : fields) {
                writeBuffer.putShort(at, (short) (field == null ? -1 : field.length));
                at += 2;
                if (field != null) {
                    writeBuffer.put(at, field);
                    at += field.length;
                }
            }
            INT.setRelease(writeBuffer, writeOffset, payload);
            writeOffset += size;
            return true;
        }
    }

    /** Up to {@code max} clicks after the last one read, in the order they were appended; none when there are none yet. */
    public List<Entry> read(int max) {
        List<Entry> entries = new ArrayList<>();
        while (entries.size() < max) {
            MappedByteBuffer buffer = segment(readPosition.segment());
            int offset = readPosition.offset();
            int length = buffer == null || offset + 4 > segmentBytes ? END_OF_SEGMENT : (int) INT.getAcquire(buffer, offset);
            if (length > 0) {
                entries.add(decode(buffer, offset + 4, new Position(readPosition.segment(), offset + align(4 + length))));
                readPosition = entries.get(entries.size() - 1).next();
            } else if (length == END_OF_SEGMENT || readPosition.segment() < firstSegmentOfThisRun) {
                // The end of a segment, or of one a killed process was writing: go on with the next.
                Optional<Long> next = nextSegment(readPosition.segment());
                if (next.isEmpty()) {
                    break;
                }
                readPosition = new Position(next.get(), 0);
            } else {
                break; // Nothing more yet in the segment being written.
            }
        }
        return entries;
    }

    /**
     * Commits how far reading got over nothing but segment ends (what a killed process left), when the
     * last read found no click: there is nothing in between to acknowledge.
     */
    public void commitSkipped() {
        if (readPosition.compareTo(committed) > 0) {
            commit(readPosition);
        }
    }

    /** Reads again from the last committed position (what Kafka did not acknowledge is sent again). */
    public void rewind() {
        readPosition = committed;
    }

    /** Records that everything before {@code position} is acknowledged, and deletes the segments wholly before it. */
    public void commit(Position position) {
        committed = position;
        ByteBuffer record = ByteBuffer.allocate(16).putLong(position.segment()).putLong(position.offset()).flip();
        try {
            committedFile.write(record, 0);
            if (position.segment() == deletedBefore) {
                return; // Most commits stay within a segment: nothing to list, nothing to delete.
            }
            deletedBefore = position.segment();
            for (long segment : segments()) {
                if (segment < position.segment()) {
                    mapped.remove(segment);
                    Files.deleteIfExists(file(segment));
                }
            }
        } catch (IOException e) {
            // The next commit writes it again; until then a restart sends a little twice.
        }
    }

    public Position committed() {
        return committed;
    }

    /** Bytes appended and not yet acknowledged, roughly (whole segments before the write position). */
    public long pendingBytes() {
        Position done = committed;
        synchronized (this) {
            return (writeSegment - done.segment()) * (long) segmentBytes + writeOffset - done.offset();
        }
    }

    /** Writes the segment being appended to back to disk: bounds what a machine crash can take. */
    public void force() {
        MappedByteBuffer buffer;
        synchronized (this) {
            buffer = writeBuffer;
        }
        buffer.force();
    }

    @Override
    public void close() {
        try {
            force();
            committedFile.close();
        } catch (IOException | UncheckedIOException e) {
            // Everything appended is in the page cache already.
        }
    }

    private Entry decode(MappedByteBuffer buffer, int at, Position next) {
        long eventId = buffer.getLong(at);
        long timestamp = buffer.getLong(at + 8);
        byte flags = buffer.get(at + 16);
        boolean head = (flags & HEAD) != 0;
        int[] cursor = {at + 17};
        int rule = 0;
        int variant = 0;
        if ((flags & RULED) != 0) {
            rule = buffer.get(at + 17);
            variant = buffer.get(at + 18);
            cursor[0] += 2;
        }
        String code = string(buffer, cursor);
        String address = string(buffer, cursor);
        String userAgent = string(buffer, cursor);
        String referer = string(buffer, cursor);
        String country = string(buffer, cursor);
        return new Entry(eventId, new RawClick(code, timestamp, head, address, userAgent, referer, country, rule, variant), next);
    }

    private static String string(MappedByteBuffer buffer, int[] cursor) {
        short length = buffer.getShort(cursor[0]);
        cursor[0] += 2;
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        buffer.get(cursor[0], bytes);
        cursor[0] += length;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        if (value == null) {
            return null;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_FIELD_BYTES) {
            return bytes;
        }
        // Cut on a character boundary: never in the middle of a multi-byte sequence.
        int end = MAX_FIELD_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return java.util.Arrays.copyOf(bytes, end);
    }

    private static int align(int size) {
        return (size + 3) & ~3;
    }

    private void openWriteSegment(long segment) throws IOException {
        writeBuffer = map(segment);
        writeSegment = segment;
        writeOffset = 0;
    }

    private MappedByteBuffer segment(long segment) {
        MappedByteBuffer buffer = mapped.get(segment);
        if (buffer == null && Files.exists(file(segment))) {
            try {
                buffer = map(segment);
            } catch (IOException e) {
                return null;
            }
        }
        return buffer;
    }

    private MappedByteBuffer map(long segment) throws IOException {
        try (FileChannel channel = FileChannel.open(file(segment), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            // A sparse file: disk is used as clicks are written, not up front.
            MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, segmentBytes);
            mapped.put(segment, buffer);
            return buffer;
        }
    }

    private long segmentsInUse() {
        return writeSegment - committed.segment() + 1;
    }

    private Optional<Long> nextSegment(long after) {
        try {
            return segments().stream().filter(segment -> segment > after).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Position readCommitted() throws IOException {
        if (committedFile.size() < 16) {
            return null;
        }
        ByteBuffer record = ByteBuffer.allocate(16);
        committedFile.read(record, 0);
        record.flip();
        return new Position(record.getLong(), (int) record.getLong());
    }

    private List<Long> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.matches("clicks-\\d+\\.journal"))
                    .map(name -> Long.parseLong(name.substring("clicks-".length(), name.length() - ".journal".length())))
                    .sorted().toList();
        }
    }

    private Path file(long segment) {
        return dir.resolve(String.format("clicks-%012d.journal", segment));
    }
}
