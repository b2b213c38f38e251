package io.shortener.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shortener.error.ApiException;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TargetUrlPolicyTest {

    private final TargetUrlPolicy policy = new TargetUrlPolicy(URI.create("https://sho.rt"));

    @Test
    void keepsAPlainHttpsUrlAsItIs() {
        assertThat(policy.check("https://example.com/a/b?c=d&e=f#top")).isEqualTo("https://example.com/a/b?c=d&e=f#top");
    }

    @Test
    void storesInternationalisedUrlsInAsciiForm() {
        assertThat(policy.check("https://例え.jp/パス?q=ü")).isEqualTo("https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9?q=%C3%BC");
    }

    @Test
    void acceptsPortsAndPlainHttp() {
        assertThat(policy.check("http://example.com:8080/")).isEqualTo("http://example.com:8080/");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "example.com", "/relative/path", "ftp://example.com/file", "javascript:alert(1)",
            "mailto:someone@example.com", "https://", "https:///path", "http://exa mple.com",
            "https://example.com/\ttab", "https://example.com/\u0000", "https://example.com/\u2028",
            "https://user:secret@example.com/", "https://[::1/", "https://sho.rt/abc", "https://SHO.RT./abc",
            "https://sho.rt:443/abc"})
    void refuses(String url) {
        assertThatThrownBy(() -> policy.check(url))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void refusesANullUrl() {
        assertThatThrownBy(() -> policy.check(null)).hasMessage("url is required");
    }

    @Test
    void refusesTheServiceHostOnAnyPortAndScheme() {
        assertThatThrownBy(() -> policy.check("http://sho.rt:8080/abc")).hasMessageContaining("redirect in a loop");
    }

    @Test
    void acceptsExactly8KiBAndRefusesOneByteMore() {
        String prefix = "https://example.com/";
        String fits = prefix + "a".repeat(TargetUrlPolicy.MAX_BYTES - prefix.length());

        assertThat(policy.check(fits)).hasSize(8192);
        assertThatThrownBy(() -> policy.check(fits + "a")).hasMessageContaining("at most 8192 bytes");
    }

    @Test
    void countsTheAsciiFormAgainstTheLimit() {
        String prefix = "https://example.com/";
        String wide = prefix + "ü".repeat(TargetUrlPolicy.MAX_BYTES / 4);

        assertThatThrownBy(() -> policy.check(wide)).hasMessageContaining("at most 8192 bytes");
    }
}
