package io.shortener.idgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.shortener.snowflake.SnowflakeGenerator;
import io.shortener.snowflake.SnowflakeId;
import io.shortener.snowflake.SnowflakeSettings;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShortCodesTest {

    private final ShortCodes codes = new ShortCodes(
            new SnowflakeGenerator(SnowflakeSettings.of(3, 7)), new FeistelPermutation("test-key"));

    @Test
    void generatedCodesAreElevenBase62CharactersOfTheGeneratedForm() {
        for (int i = 0; i < 10_000; i++) {
            String code = codes.codeFor(codes.nextId());
            assertThat(code).matches("[0-9A-Za-z]{11}");
            assertThat(ShortCodes.isGeneratedForm(code)).isTrue();
        }
    }

    @Test
    void consecutiveLinksGetUnrelatedCodes() {
        Set<Character> firstCharacters = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            firstCharacters.add(codes.codeFor(codes.nextId()).charAt(0));
        }
        assertThat(firstCharacters).hasSizeGreaterThan(3);
    }

    @Test
    void aCodeLeadsBackToItsIdAndItsRegionAndMachine() {
        long id = codes.nextId();

        long decoded = codes.idOf(codes.codeFor(id)).orElseThrow();
        SnowflakeId parts = codes.decompose(decoded);

        assertThat(decoded).isEqualTo(id);
        assertThat(parts.region()).isEqualTo(3);
        assertThat(parts.machine()).isEqualTo(7);
    }

    @Test
    void aliasesOutsideTheGeneratedFormAreNotMistakenForCodes() {
        assertThat(ShortCodes.isGeneratedForm("my-link")).isFalse();
        assertThat(ShortCodes.isGeneratedForm("BlackFriday")).as("11 letters, but above 2^63").isFalse();
        assertThat(ShortCodes.isGeneratedForm("Black_Friday")).isFalse();
        assertThat(codes.idOf("my-link")).isEmpty();
    }
}
