package io.shortener.idgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeistelPermutationTest {

    private static final long SEED = Long.getLong("test.seed", System.nanoTime());

    static {
        System.out.println("%s: random seed %d (repeat with -Dtest.seed=%d)".formatted("FeistelPermutationTest", SEED, SEED));
    }
    private final FeistelPermutation permutation = new FeistelPermutation("test-key");

    @Test
    void invertUndoesPermuteAndResultsStayNonNegative() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 100_000; i++) {
            long value = random.nextLong(Long.MAX_VALUE);
            long permuted = permutation.permute(value);
            assertThat(permuted).as("seed %d", SEED).isNotNegative();
            assertThat(permutation.invert(permuted)).as("seed %d", SEED).isEqualTo(value);
        }
    }

    @Test
    void consecutiveInputsGiveUnrelatedOutputs() {
        Set<Long> outputs = new HashSet<>();
        long previous = permutation.permute(1_000_000);
        for (long value = 1_000_001; value < 1_010_000; value++) {
            long next = permutation.permute(value);
            assertThat(Math.abs(next - previous)).isGreaterThan(1_000_000L);
            assertThat(outputs.add(next)).isTrue();
            previous = next;
        }
    }

    @Test
    void anotherKeyIsAnotherPermutation() {
        FeistelPermutation other = new FeistelPermutation("other-key");

        assertThat(other.permute(42)).isNotEqualTo(permutation.permute(42));
    }

    /**
     * Known answers, computed once and pinned: every short code ever handed out depends on this permutation, so
     * a change to it (rounds, round function, key schedule) would hand out codes that collide with old ones.
     */
    @ParameterizedTest
    @CsvSource({
            "test-key, 0, 4051674802562414814",
            "test-key, 1, 884540165215424682",
            "test-key, 123456789, 858401955644190022",
            "test-key, 7528775680000000000, 7835904220736367402",
            "test-key, 9223372036854775807, 3045878938207985916",
            "change-me-in-production, 0, 9055729630273072705",
            "change-me-in-production, 123456789, 3039291103342090193",
            "change-me-in-production, 9223372036854775807, 3290557210507147947",
            "k, 1, 4942723302598051650",
            "k, 7528775680000000000, 3354760201313773307"})
    void theSameKeyAndInputGiveTheSameOutputInEveryProcessAndRelease(String key, long input, long output) {
        FeistelPermutation pinned = new FeistelPermutation(key);

        assertThat(pinned.permute(input)).isEqualTo(output);
        assertThat(pinned.invert(output)).isEqualTo(input);
    }

    @Test
    void refusesAnEmptyKey() {
        assertThatThrownBy(() -> new FeistelPermutation("")).isInstanceOf(IllegalArgumentException.class);
    }
}
