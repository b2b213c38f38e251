package io.shortener.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shortener.error.ApiException;
import org.junit.jupiter.api.Test;

class PasswordHashesTest {

    private final PasswordHashes hashes = new PasswordHashes();

    @Test
    void theRightPasswordMatchesItsHashAndNoOtherDoes() {
        String stored = hashes.hash("correct horse");

        assertThat(hashes.matches(stored, "correct horse")).isTrue();
        assertThat(hashes.matches(stored, "correct horsE")).isFalse();
        assertThat(hashes.matches(stored, "")).isFalse();
        assertThat(hashes.matches(stored, null)).isFalse();
    }

    @Test
    void eachHashIsArgon2idWithItsParametersAndASaltOfItsOwn() {
        String first = hashes.hash("correct horse");
        String second = hashes.hash("correct horse");

        assertThat(first).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(first).isNotEqualTo(second).doesNotContain("correct");
        assertThat(hashes.matches(second, "correct horse")).isTrue();
    }

    @Test
    void aKnownHashOfOtherParametersStillVerifies() {
        // Made with m=1024 KiB, t=1, p=1: the parameters are read from each hash, so raising ours keeps these readable.
        String older = "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$" + derivedWithOlderParameters();

        assertThat(hashes.matches(older, "password")).isTrue();
        assertThat(hashes.matches(older, "Password")).isFalse();
    }

    /** The reference implementation's answer (Debian's argon2: echo -n password | argon2 somesaltsomesalt -id -t 1 -k 1024 -p 1 -l 32). */
    private static String derivedWithOlderParameters() {
        return "FiU+I6KbINfHoMBfkVDnS6qmzxgy7cg41IT8JQoCvvk";
    }

    @Test
    void whatIsNotSuchAHashMatchesNothing() {
        assertThat(hashes.matches("plain-text", "plain-text")).isFalse();
        assertThat(hashes.matches("$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", "x")).isFalse();
        assertThat(hashes.matches(null, "x")).isFalse();
    }

    @Test
    void aPasswordMustBeFourTo128CharactersWithoutControlCharacters() {
        assertThat(hashes.hash("four")).startsWith("$argon2id$");
        for (String bad : new String[] {null, "abc", "x".repeat(129), "tab\there"}) {
            assertThatThrownBy(() -> hashes.hash(bad)).isInstanceOf(ApiException.class)
                    .hasMessage("password must be 4 to 128 characters, without control characters");
        }
    }
}
