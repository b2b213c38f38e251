package io.shortener.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Readiness probes that only ask whether something answers. */
public final class Ports {

    private Ports() {
    }

    /** A port the kernel says is free now, for a server a test starts on a port of its own. */
    public static int free() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void requireFree(String host, int port, String forWhat) {
        if (accepts(host, port)) {
            throw new IllegalStateException(host + ":" + port + " is already in use, so " + forWhat
                    + " cannot start there; stop whatever holds it (a stack of another checkout?) or choose another port");
        }
    }
}
