package io.shortener.devstack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The ping that decides whether Testcontainers is asked at all, against engines made here: one that answers, one that never does. */
@Timeout(30)
class DockerEnginePingTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    void anEngineThatAnswersHttpOverTcpIsThere() throws Exception {
        try (ServerSocketChannel engine = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread answering = answerOnce(engine, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");

            assertThat(DockerEngine.pings(engine.getLocalAddress(), TIMEOUT)).isTrue();
            answering.join();
        }
    }

    @Test
    void anEngineThatAnswersOnAUnixSocketIsThere(@TempDir Path dir) throws Exception {
        UnixDomainSocketAddress socket = UnixDomainSocketAddress.of(dir.resolve("docker.sock"));
        try (ServerSocketChannel engine = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(socket)) {
            Thread answering = answerOnce(engine, "HTTP/1.1 200 OK\r\n\r\nOK");

            assertThat(DockerEngine.pings(socket, TIMEOUT)).isTrue();
            answering.join();
        }
    }

    @Test
    void anEngineThatAcceptsAndNeverAnswersIsNotThere() throws Exception {
        try (ServerSocketChannel engine = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            // Accepted by the kernel's backlog, never read: the ping must give up at its deadline rather than block.
            assertThat(DockerEngine.pings(engine.getLocalAddress(), TIMEOUT)).isFalse();
        }
    }

    @Test
    void somethingElseThanHttpIsNotAnEngine() throws Exception {
        try (ServerSocketChannel engine = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread answering = answerOnce(engine, "SSH-2.0-OpenSSH_9.2\r\n");

            assertThat(DockerEngine.pings(engine.getLocalAddress(), TIMEOUT)).isFalse();
            answering.join();
        }
    }

    @Test
    void nothingListeningIsNotAnEngine(@TempDir Path dir) {
        assertThat(DockerEngine.pings(UnixDomainSocketAddress.of(dir.resolve("none.sock")), TIMEOUT)).isFalse();
    }

    private static Thread answerOnce(ServerSocketChannel engine, String answer) {
        Thread thread = new Thread(() -> {
            try (SocketChannel client = engine.accept()) {
                client.read(ByteBuffer.allocate(512));
                client.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "fake docker engine");
        thread.start();
        return thread;
    }
}
