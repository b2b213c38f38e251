package io.shortener.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Readiness probes that only ask whether something answers. */
public final class Ports {

    private Ports() {
    }

    /**
     * Ports a test may take for a server of its own: below Linux's ephemeral range (32768 and up), because
     * a stack started between choosing a port and using it binds port 0 for some of its sockets (Spark's
     * driver and block manager, Java RMI), and the kernel hands those out of the ephemeral range. A port
     * picked from there was once taken by such a socket during a minute-long stack start.
     */
    static final int FIRST_TEST_PORT = 24_000;
    static final int LAST_TEST_PORT = 32_000;

    /** A port that is free now and outside the kernel's ephemeral range, for a server a test starts on a port of its own. */
    public static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(FIRST_TEST_PORT, LAST_TEST_PORT);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FIRST_TEST_PORT + " and " + LAST_TEST_PORT + " after 200 tries");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
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
