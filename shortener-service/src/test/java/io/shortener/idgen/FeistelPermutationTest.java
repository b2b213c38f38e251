package io.shortener.idgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

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

    @Test
    void theSameKeyIsTheSamePermutationInEveryProcess() {
        assertThat(new FeistelPermutation("test-key").permute(123_456_789L)).isEqualTo(permutation.permute(123_456_789L));
    }

    @Test
    void refusesAnEmptyKey() {
        assertThatThrownBy(() -> new FeistelPermutation("")).isInstanceOf(IllegalArgumentException.class);
    }
}
