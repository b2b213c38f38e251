package io.shortener.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AliasPolicyTest {

    private final AliasPolicy policy = new AliasPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"abc", "My-Link_2026", "BlackFriday", "launch", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "0123456789", "api-docs"})
    void accepts(String alias) {
        assertThatCode(() -> policy.check(alias)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "", "has space", "dots.too", "slash/es", "ünï", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "emoji😀"})
    void refusesTheWrongShape(String alias) {
        assertThatThrownBy(() -> policy.check(alias)).hasMessageContaining("3 to 64 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "A-z_09", "ab", "", "a.b", "abc/", "ünï", "a b", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", "zz`", "[ab]", "a^b", "@bc", "ab{"})
    void codeFormIsThreeToSixtyFourLettersDigitsUnderscoresAndHyphens(String text) {
        assertThat(AliasPolicy.isCodeForm(text)).isEqualTo(text.matches("[A-Za-z0-9_-]{3,64}"));
        assertThat(AliasPolicy.isCodeForm("/" + text, 1)).isEqualTo(text.matches("[A-Za-z0-9_-]{3,64}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "API", "admin", "healthcheck", "metrics", "static", "links", "stats"})
    void refusesWordsTheServiceUses(String alias) {
        assertThatThrownBy(() -> policy.check(alias)).hasMessageContaining("reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAAAAAAAAAA", "00000000000", "AzL8n0Y58m7", "ABCDEFGHIJK"})
    void refusesAliasesAGeneratorCouldIssue(String alias) {
        assertThatThrownBy(() -> policy.check(alias)).hasMessageContaining("form of a generated code");
    }
}
