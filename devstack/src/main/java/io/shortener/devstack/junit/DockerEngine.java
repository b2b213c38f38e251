package io.shortener.devstack.junit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
        if (address == null) {
            return false;
        }
        // A channel's blocking read has no timeout of its own: an engine that accepts and never answers is given two seconds.
        CompletableFuture<Boolean> ping = CompletableFuture.supplyAsync(() -> ping(address));
        try {
            return ping.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            ping.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean ping(SocketAddress address) {
        try (SocketChannel channel = SocketChannel.open(address)) {
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(512);
            channel.read(answer);
            return new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII).startsWith("HTTP/1.");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
