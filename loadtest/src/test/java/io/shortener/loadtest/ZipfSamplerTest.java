package io.shortener.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfSamplerTest {

    @Test
    void theFirstRanksTakeTheirZipfShare() {
        ZipfSampler sampler = new ZipfSampler(1000, 1.0);
        SplittableRandom random = new SplittableRandom(7);
        int[] counts = new int[1000];
        int draws = 1_000_000;
        for (int i = 0; i < draws; i++) {
            counts[sampler.sample(random)]++;
        }
        double harmonic = 0;
        for (int k = 1; k <= 1000; k++) {
            harmonic += 1.0 / k;
        }

        assertThat(counts[0] / (double) draws).isCloseTo(1 / harmonic, within(0.005));
        assertThat(counts[1] / (double) draws).isCloseTo(0.5 / harmonic, within(0.005));
        assertThat(counts[0] / (double) counts[9]).isCloseTo(10.0, within(1.0));
    }

    @Test
    void exponentZeroIsUniform() {
        ZipfSampler sampler = new ZipfSampler(4, 0.0);
        SplittableRandom random = new SplittableRandom(7);
        int[] counts = new int[4];
        for (int i = 0; i < 400_000; i++) {
            counts[sampler.sample(random)]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(98_000, 102_000);
        }
    }
}
