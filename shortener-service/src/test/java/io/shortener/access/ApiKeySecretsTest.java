package io.shortener.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.shortener.devstack.StackSecrets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeySecretsTest {

    private final ApiKeySecrets secrets = new ApiKeySecrets(new SecureRandom());

    @Test
    void aKeyIsThePrefixAnd192RandomBitsAndNeverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String key = secrets.generate();
            assertThat(key).startsWith("shk_").hasSize(36);
            assertThat(ApiKeySecrets.looksLikeKey(key)).isTrue();
            assertThat(seen.add(key)).isTrue();
        }
    }

    @Test
    void theHashIsHexSha256AndTheDisplayPrefixCannotBeUsed() {
        String key = secrets.generate();

        assertThat(ApiKeySecrets.hash(key)).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(ApiKeySecrets.hash(secrets.generate()));
        assertThat(ApiKeySecrets.displayPrefix(key)).hasSize(10).isEqualTo(key.substring(0, 10));
        assertThat(ApiKeySecrets.looksLikeKey(ApiKeySecrets.displayPrefix(key))).isFalse();
    }

    @Test
    void textOfAnotherFormIsNoKey() {
        assertThat(ApiKeySecrets.looksLikeKey(null)).isFalse();
        assertThat(ApiKeySecrets.looksLikeKey("shk_short")).isFalse();
        assertThat(ApiKeySecrets.looksLikeKey("shk_" + "a".repeat(32) + "x")).isFalse();
        assertThat(ApiKeySecrets.looksLikeKey("abc_" + "a".repeat(32))).isFalse();
        assertThat(ApiKeySecrets.looksLikeKey("shk_" + "a".repeat(31) + "!")).isFalse();
    }

    @Test
    void theDevelopmentKeyDevstackMakesHasTheServicesForm(@TempDir Path stack) {
        String key = new StackSecrets(stack).apiKey();

        assertThat(ApiKeySecrets.looksLikeKey(key)).isTrue();
        assertThat(new StackSecrets(stack).apiKey()).as("kept, not made again").isEqualTo(key);
        assertThat(new StackSecrets(stack).environment()).containsEntry("SHORTENER_INITIAL_API_KEY", key)
                .hasEntrySatisfying("SHORTENER_CODE_KEY", code -> assertThat(code).hasSize(32).isNotEqualTo(key));
    }
}
