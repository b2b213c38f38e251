package io.shortener.devstack.junit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Whether a Docker engine answers here: {@code GET /_ping} on DOCKER_HOST (unix or tcp) or on
 * /var/run/docker.sock. Asked before Testcontainers is, whose own search logs a page of errors where there is none.
 */
final class DockerEngine {

    private static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private DockerEngine() {
    }

    /** Where the engine would be, as DOCKER_HOST or the default socket says; null when there is no such place. */
    static SocketAddress address(String dockerHost) {
        if (dockerHost != null && !dockerHost.isBlank()) {
            URI uri = URI.create(dockerHost.strip());
            if ("unix".equals(uri.getScheme())) {
                return UnixDomainSocketAddress.of(uri.getPath());
            }
            if ("tcp".equals(uri.getScheme()) && uri.getHost() != null) {
                return new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort());
            }
            return null;
        }
        return Files.exists(DEFAULT_SOCKET) ? UnixDomainSocketAddress.of(DEFAULT_SOCKET) : null;
    }

    static boolean answers() {
        SocketAddress address = address(System.getenv("DOCKER_HOST"));
        return address != null && pings(address, TIMEOUT);
    }

    /**
     * Whether {@code GET /_ping} at {@code address} gets an HTTP answer within {@code timeout}, connecting, sending
     * and reading without blocking: an engine that accepts and never answers (or an address that drops the
     * connection attempt) costs the timeout and leaves no thread behind.
     */
    static boolean pings(SocketAddress address, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(address.getClass() == UnixDomainSocketAddress.class
                ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET);
             Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            if (!channel.connect(address) && !(await(channel, selector, SelectionKey.OP_CONNECT, deadline) && channel.finishConnect())) {
                return false;
            }
            ByteBuffer request = ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            while (request.hasRemaining()) {
                if (channel.write(request) == 0 && !await(channel, selector, SelectionKey.OP_WRITE, deadline)) {
                    return false;
                }
            }
            ByteBuffer answer = ByteBuffer.allocate(512);
            while (answer.position() < "HTTP/1.".length()) {
                int read = channel.read(answer);
                if (read < 0 || (read == 0 && !await(channel, selector, SelectionKey.OP_READ, deadline))) {
                    return false;
                }
            }
            return new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII).startsWith("HTTP/1.");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Waits until the channel is ready for {@code operation}; false when the deadline passed first. */
    private static boolean await(SocketChannel channel, Selector selector, int operation, long deadline) throws IOException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            return false;
        }
        SelectionKey key = channel.register(selector, operation);
        try {
            return selector.select(left) > 0;
        } finally {
            key.interestOps(0);
            selector.selectedKeys().clear();
        }
    }
}
