package io.shortener.loadtest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A keep-alive HTTP/1.1 server for the load generator's own tests, one thread per connection, whose
 * answer to the n-th request (from 1) is decided by a policy: a status, a stall, or a dropped connection.
 */
final class TinyHttpServer implements AutoCloseable {

    sealed interface Action permits Respond, Stall, Drop {
    }

    record Respond(int status) implements Action {
    }

    record Stall(long millis, int status) implements Action {
    }

    record Drop() implements Action {
    }

    private final ServerSocket server;
    private final IntFunction<Action> policy;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean running = true;

    TinyHttpServer(IntFunction<Action> policy) throws IOException {
        this.policy = policy;
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tiny-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int requests() {
        return requests.get();
    }

    private void accept() {
        while (running) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket), "tiny-http-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream()); OutputStream out = socket.getOutputStream()) {
            while (running) {
                int contentLength = readHead(in);
                if (contentLength < 0) {
                    return;
                }
                in.readNBytes(contentLength);
                Action action = policy.apply(requests.incrementAndGet());
                if (action instanceof Drop) {
                    return;
                }
                int status = action instanceof Stall stall ? stall.status() : ((Respond) action).status();
                if (action instanceof Stall stall) {
                    Thread.sleep(stall.millis());
                }
                String body = status >= 300 && status < 400 ? "" : "{\"code\":" + status + "}";
                String head = "HTTP/1.1 " + status + " X\r\n"
                        + (status >= 300 && status < 400 ? "Location: https://example.com/\r\n" : "")
                        + "Content-Length: " + body.length() + "\r\n\r\n";
                out.write((head + body).getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // The client went away.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a request head; the Content-Length, or -1 at the end of the stream. */
    private static int readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                int contentLength = 0;
                for (String line : head.toString().split("\r\n")) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        contentLength = Integer.parseInt(line.substring(15).trim());
                    }
                }
                return contentLength;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
    }
}
