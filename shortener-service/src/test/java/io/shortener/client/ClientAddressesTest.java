package io.shortener.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void readsEveryHopOfXForwardedForWithoutPorts() {
        assertThat(ClientAddresses.xForwardedFor(List.of("203.0.113.1, 10.0.0.1:8080", "[2001:db8::1]:443, 2001:db8::2")))
                .containsExactly("203.0.113.1", "10.0.0.1", "2001:db8::1", "2001:db8::2");
    }

    @Test
    void readsTheForParametersOfForwarded() {
        assertThat(ClientAddresses.forwardedFor(List.of("for=192.0.2.60;proto=http;by=203.0.113.43, For=\"[2001:db8:cafe::17]:4711\"")))
                .containsExactly("192.0.2.60", "2001:db8:cafe::17");
    }

    @Test
    void parsesLiteralsButNeverHostNames() {
        assertThat(IpLiterals.parse("192.0.2.1")).isNotNull();
        assertThat(IpLiterals.parse("2001:db8::1")).isNotNull();
        assertThat(IpLiterals.parse("example.com")).as("would have been a DNS lookup").isNull();
        assertThat(IpLiterals.parse("unknown")).isNull();
        assertThat(IpLiterals.parse("300.1.1.1")).isNull();
    }

    @Test
    void rangesTakeAddressesAndCidrsAndRefuseAnythingElse() throws Exception {
        ClientRanges ranges = ClientRanges.parse("10.0.0.0/8, 192.0.2.7,::1/128");

        assertThat(ranges.contains(InetAddress.getByName("10.20.30.40"))).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("192.0.2.7"))).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("192.0.2.8"))).isFalse();
        assertThat(ClientRanges.parse("").contains(InetAddress.getByName("10.0.0.1"))).isFalse();
        assertThatThrownBy(() -> ClientRanges.parse("proxy.example.com")).hasMessageContaining("not an address or a CIDR range");
        assertThatThrownBy(() -> ClientRanges.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
