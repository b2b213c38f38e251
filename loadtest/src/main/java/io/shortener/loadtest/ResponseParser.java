package io.shortener.loadtest;

import java.nio.ByteBuffer;

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

    private void parseHead() {
        String text = new String(head, 0, headLength, java.nio.charset.StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IllegalStateException("not an HTTP/1.x response: " + lines[0]);
        }
        status = Integer.parseInt(statusLine[1]);
        long contentLength = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim();
            String value = lines[i].substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.toLowerCase().contains("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
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
