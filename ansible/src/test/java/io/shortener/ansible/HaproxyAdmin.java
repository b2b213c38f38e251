package io.shortener.ansible;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A region's HAProxy, asked through its admin socket (the one the rollout drains instances through). */
final class HaproxyAdmin {

    private final Path socket;

    HaproxyAdmin(Path socket) {
        this.socket = socket;
    }

    /** The server's status in the backend, as "show stat" gives it: UP, DOWN, MAINT, DRAIN, … */
    String status(String backend, String server) {
        String[] header = null;
        for (String line : ask("show stat").split("\n")) {
            if (line.startsWith("# ")) {
                header = line.substring(2).split(",", -1);
                continue;
            }
            String[] fields = line.split(",", -1);
            if (header != null && fields.length > 1 && fields[0].equals(backend) && fields[1].equals(server)) {
                for (int i = 0; i < header.length; i++) {
                    if (header[i].equals("status")) {
                        return fields[i];
                    }
                }
            }
        }
        throw new AssertionError("no server " + server + " in backend " + backend + " at " + socket);
    }

    private String ask(String command) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) >= 0) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return answer.toString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("HAProxy's socket " + socket + " did not answer", e);
        }
    }
}
