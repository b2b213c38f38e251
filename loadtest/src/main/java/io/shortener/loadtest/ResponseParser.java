package io.shortener.loadtest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.1 responses incrementally off a keep-alive connection: status line and headers, then a
 * body framed by Content-Length or chunked encoding, which is skipped. Only what a load generator needs.
 */
final class ResponseParser {

    private static final int MAX_HEAD = 64 * 1024;

    private enum State { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_END, TRAILER, DONE }

    private final byte[] head = new byte[MAX_HEAD];
    private int headLength;
    private State state = State.HEAD;
    private int status;
    private long remaining;
    private boolean closeAfter;
    private final StringBuilder line = new StringBuilder();

    void reset() {
        headLength = 0;
        state = State.HEAD;
        status = 0;
        remaining = 0;
        closeAfter = false;
        line.setLength(0);
    }

    int status() {
        return status;
    }

    boolean closeAfter() {
        return closeAfter;
    }

    /** Consumes bytes; true once a whole response has been read (bytes after it are left in the buffer). */
    boolean feed(ByteBuffer in) {
        while (in.hasRemaining()) {
            switch (state) {
                case HEAD -> readHead(in);
                case BODY -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + n);
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.DONE;
                    }
                }
                case CHUNK_SIZE -> {
                    String size = readLine(in);
                    if (size != null) {
                        int semicolon = size.indexOf(';');
                        remaining = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                        state = remaining == 0 ? State.TRAILER : State.CHUNK_DATA;
                    }
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + n);
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.CHUNK_DATA_END;
                    }
                }
                case CHUNK_DATA_END -> {
                    if (readLine(in) != null) {
                        state = State.CHUNK_SIZE;
                    }
                }
                case TRAILER -> {
                    String trailer = readLine(in);
                    if (trailer != null && trailer.isEmpty()) {
                        state = State.DONE;
                    }
                }
                case DONE -> {
                    return true;
                }
                default -> throw new IllegalStateException(state.name());
            }
            if (state == State.DONE) {
                return true;
            }
        }
        return state == State.DONE;
    }

    private void readHead(ByteBuffer in) {
        while (in.hasRemaining()) {
            if (headLength == MAX_HEAD) {
                throw new IllegalStateException("response head over " + MAX_HEAD + " bytes");
            }
            head[headLength++] = in.get();
            if (headLength >= 4 && head[headLength - 1] == '\n' && head[headLength - 2] == '\r'
                    && head[headLength - 3] == '\n' && head[headLength - 4] == '\r') {
                parseHead();
                return;
            }
        }
    }

    /**
     * Parses the status line and the three headers that frame the body, over the bytes themselves: one
     * String per header and response cost the load generator more garbage than anything else it did.
     */
    private void parseHead() {
        int lineEnd = lineEnd(0);
        if (lineEnd < 12 || !startsWith(0, "HTTP/1.") || head[8] != ' ') {
            throw new IllegalStateException("not an HTTP/1.x response: "
                    + new String(head, 0, Math.max(0, lineEnd), StandardCharsets.ISO_8859_1));
        }
        status = digits(9, 12);
        long contentLength = -1;
        boolean chunked = false;
        for (int at = lineEnd + 2; at < headLength - 2; at = lineEnd + 2) {
            lineEnd = lineEnd(at);
            int colon = indexOf(at, lineEnd, ':');
            if (colon <= at) {
                continue;
            }
            int valueStart = skipSpaces(colon + 1, lineEnd);
            int valueEnd = trimEnd(valueStart, lineEnd);
            if (nameIs(at, colon, "content-length")) {
                contentLength = digits(valueStart, valueEnd);
            } else if (nameIs(at, colon, "transfer-encoding") && contains(valueStart, valueEnd, "chunked")) {
                chunked = true;
            } else if (nameIs(at, colon, "connection") && nameIs(valueStart, valueEnd, "close")) {
                closeAfter = true;
            }
        }
        if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength > 0) {
            remaining = contentLength;
            state = State.BODY;
        } else if (contentLength == 0 || status == 204 || status == 304 || status / 100 == 1) {
            state = State.DONE;
        } else {
            throw new IllegalStateException("response without a length on a keep-alive connection");
        }
    }

    /** Where the line starting at {@code from} ends (its CR). */
    private int lineEnd(int from) {
        for (int i = from; i + 1 < headLength; i++) {
            if (head[i] == '\r' && head[i + 1] == '\n') {
                return i;
            }
        }
        return headLength;
    }

    private int indexOf(int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (head[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private int skipSpaces(int from, int to) {
        while (from < to && (head[from] == ' ' || head[from] == '\t')) {
            from++;
        }
        return from;
    }

    private int trimEnd(int from, int to) {
        while (to > from && (head[to - 1] == ' ' || head[to - 1] == '\t')) {
            to--;
        }
        return to;
    }

    private boolean startsWith(int at, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (at + i >= headLength || head[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the token in [from, to) (a header's name or value), trailing spaces trimmed, is {@code lowerCase}, ignoring case. */
    private boolean nameIs(int from, int to, String lowerCase) {
        to = trimEnd(from, to);
        if (to - from != lowerCase.length()) {
            return false;
        }
        for (int i = 0; i < lowerCase.length(); i++) {
            if (Character.toLowerCase((char) (head[from + i] & 0xFF)) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether [from, to) contains {@code lowerCase}, ignoring case. */
    private boolean contains(int from, int to, String lowerCase) {
        for (int i = from; i + lowerCase.length() <= to; i++) {
            int j = 0;
            while (j < lowerCase.length() && Character.toLowerCase((char) (head[i + j] & 0xFF)) == lowerCase.charAt(j)) {
                j++;
            }
            if (j == lowerCase.length()) {
                return true;
            }
        }
        return false;
    }

    private int digits(int from, int to) {
        if (from >= to) {
            throw new IllegalStateException("a number was expected in the response head");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = head[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalStateException("not a number in the response head: "
                        + new String(head, from, to - from, StandardCharsets.ISO_8859_1));
            }
            value = value * 10 + digit;
            if (value > Integer.MAX_VALUE) {
                throw new IllegalStateException("a number too large in the response head");
            }
        }
        return (int) value;
    }

    private String readLine(ByteBuffer in) {
        while (in.hasRemaining()) {
            char c = (char) (in.get() & 0xFF);
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    end--;
                }
                String result = line.substring(0, end);
                line.setLength(0);
                return result;
            }
            line.append(c);
        }
        return null;
    }
}
