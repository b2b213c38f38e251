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
}
