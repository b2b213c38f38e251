package io.shortener.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shortener.error.ApiException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetHostsTest {

    private final TargetHosts publicOnly = new TargetHosts(Set.of("sho.rt", "eu.sho.rt", "10.1.2.3"), false);
    private final TargetHosts privateAllowed = new TargetHosts(Set.of("sho.rt", "10.1.2.3"), true);

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "a.b.example.co.uk", "xn--r8jz45g.jp", "1password.com", "a-b.example", "example.com.",
            "8.8.8.8", "2001:db8::1", "[2606:4700::1111]", "EXAMPLE.COM"})
    void acceptsPublicHosts(String host) {
        assertThatCode(() -> publicOnly.check(host, -1)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-example.com     | not a valid host name",
            "example-.com     | not a valid host name",
            "exa_mple.com     | not a valid host name",
            "a..b.com         | not a valid host name",
            "2130706433       | neither a host name nor an IPv4 address",
            "0x7f.0.0.1       | neither a host name nor an IPv4 address",
            "127.1            | neither a host name nor an IPv4 address",
            "example.123      | neither a host name nor an IPv4 address",
            "0127.0.0.1       | neither a host name nor an IPv4 address",
            "256.1.1.1        | not a valid IP address",
            "01.2.3.4         | not a valid IP address"})
    void refusesHostsThatAreNotRfc1123Names(String host, String message) {
        assertThatThrownBy(() -> publicOnly.check(host, -1)).hasMessageContaining(message);
    }

    @Test
    void refusesLabelsAndNamesOverTheirLengths() {
        assertThatCode(() -> publicOnly.check("a".repeat(63) + ".com", -1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> publicOnly.check("a".repeat(64) + ".com", -1)).hasMessageContaining("not a valid host name");
        String longest = ("a".repeat(49) + ".").repeat(5) + "com";
        assertThat(longest).hasSize(253);
        assertThatCode(() -> publicOnly.check(longest, -1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> publicOnly.check("a" + longest, -1)).hasMessageContaining("1 to 253 characters");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 65536, 99999})
    void refusesPortsOutOfRange(int port) {
        assertThatThrownBy(() -> publicOnly.check("example.com", port)).hasMessageContaining("between 1 and 65535");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sho.rt", "SHO.RT.", "eu.sho.rt", "localhost", "app.localhost", "127.0.0.1", "127.8.9.10", "0.0.0.0",
            "::1", "[::1]", "::", "::ffff:127.0.0.1", "10.1.2.3"})
    void refusesEveryNameOfTheServiceAsALoopEvenWherePrivateTargetsAreAllowed(String host) {
        assertThatThrownBy(() -> privateAllowed.check(host.equals("eu.sho.rt") ? "sho.rt" : host, -1))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("redirect in a loop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "fd00::1", "fe80::1",
            "::ffff:192.168.0.1", "64:ff9b::10.0.0.1", "224.0.0.1", "255.255.255.255", "intranet", "printer.local",
            "db.internal", "nas.home.arpa"})
    void refusesPrivateAndInternalTargetsUnlessAllowed(String host) {
        assertThatThrownBy(() -> publicOnly.check(host, -1)).hasMessageContaining("private or internal");
        assertThatCode(() -> privateAllowed.check(host, -1)).doesNotThrowAnyException();
    }
}
