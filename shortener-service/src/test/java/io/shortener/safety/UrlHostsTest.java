package io.shortener.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlHostsTest {

    @ParameterizedTest
    @CsvSource({
            "https://example.com/a?b#c, example.com",
            "http://example.com:8080/, example.com",
            "https://example.com, example.com",
            "https://example.com?q=1, example.com",
            "http://[2001:db8::1]:80/x, [2001:db8::1]",
            "https://xn--r8jz45g.jp/%E3%83%91, xn--r8jz45g.jp"})
    void findsTheHostOfAStoredUrl(String url, String host) {
        assertThat(UrlHosts.hostOf(url)).isEqualTo(host);
    }

    @Test
    void domainsAreKeptInAsciiLowerCaseWithoutTheTrailingDot() {
        assertThat(Domains.normalize("Shady.Example.")).isEqualTo("shady.example");
        assertThat(Domains.normalize("例え.jp")).isEqualTo("xn--r8jz45g.jp");
    }
}
