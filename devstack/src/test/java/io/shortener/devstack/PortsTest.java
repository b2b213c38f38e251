package io.shortener.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aPortSomeoneElseHoldsIsRefusedWithAClearMessage() throws Exception {
        try (ServerSocket stranger = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = stranger.getLocalPort();

            assertThat(Ports.accepts("127.0.0.1", port)).isTrue();
            assertThatThrownBy(() -> Ports.requireFree("127.0.0.1", port, "cassandra node1"))
                    .hasMessageContaining("127.0.0.1:" + port + " is already in use, so cassandra node1 cannot start");
        }
    }

    @Test
    void aFreePortPasses() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThatCode(() -> Ports.requireFree("127.0.0.1", port, "x")).doesNotThrowAnyException();
    }

    @Test
    void aPortForATestServerIsBindableAndOutsideTheEphemeralRange() throws Exception {
        int port = Ports.free();

        assertThat(port).isBetween(Ports.FIRST_TEST_PORT, Ports.LAST_TEST_PORT - 1).isLessThan(32_768);
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }
}
