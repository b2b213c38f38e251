package io.shortener.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Readiness probes that only ask whether something answers. */
public final class Ports {

    private Ports() {
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
