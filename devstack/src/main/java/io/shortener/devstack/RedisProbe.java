package io.shortener.devstack;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Just enough of the Redis protocol to ask a node how it is (PING, CLUSTER INFO, INFO replication), so
 * the launcher needs no client library of its own.
 */
public final class RedisProbe {

    private RedisProbe() {
    }

    /** The reply as text, or empty if the node does not answer. */
    public static Optional<String> ask(String host, int port, String... command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("*").append(command.length).append("\r\n");
            for (String part : command) {
                request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return Optional.of(readReply(new BufferedInputStream(socket.getInputStream())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static boolean clusterOk(String host, int port) {
        return ask(host, port, "CLUSTER", "INFO").map(info -> info.contains("cluster_state:ok")).orElse(false);
    }

    public static boolean isMaster(String host, int port) {
        return ask(host, port, "INFO", "replication").map(info -> info.contains("role:master")).orElse(false);
    }

    private static String readReply(InputStream in) throws IOException {
        String line = readLine(in);
        if (line.isEmpty()) {
            throw new IOException("empty reply");
        }
        char type = line.charAt(0);
        String rest = line.substring(1);
        switch (type) {
            case '+', '-', ':' -> {
                return rest;
            }
            case '$' -> {
                int length = Integer.parseInt(rest);
                if (length < 0) {
                    return "";
                }
                byte[] body = in.readNBytes(length + 2);
                return new String(body, 0, length, StandardCharsets.UTF_8);
            }
            default -> throw new IOException("unexpected reply type " + type);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        int b;
        while ((b = in.read()) >= 0) {
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            previous = b;
        }
        throw new IOException("connection closed mid-reply");
    }
}
