package io.shortener.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlaceholderSecretsTest {

    private static final String SHIPPED = PlaceholderSecrets.PLACEHOLDER;

    @Test
    void refusesToStartWithAShippedSecretAndNamesEveryOneToSet() {
        assertThatThrownBy(() -> PlaceholderSecrets.check(false, SHIPPED, SHIPPED))
                .hasMessageContaining("SHORTENER_CODE_KEY").hasMessageContaining("SHORTENER_VISITOR_KEY");
        assertThatThrownBy(() -> PlaceholderSecrets.check(false, "own", SHIPPED))
                .hasMessageContaining("SHORTENER_VISITOR_KEY").hasMessageNotContaining("SHORTENER_CODE_KEY");
    }

    @Test
    void startsWithSecretsOfItsOwnOrInDevelopmentMode() {
        assertThatCode(() -> PlaceholderSecrets.check(false, "own-code-key", "own-visitor-key")).doesNotThrowAnyException();
        assertThatCode(() -> PlaceholderSecrets.check(true, SHIPPED, SHIPPED)).doesNotThrowAnyException();
    }
}
