package io.shortener.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZipfPopularityTest {

    @Test
    void groupedRanksGiveTheExactSharesOfTheTopCodes() {
        int n = 1_000_000;
        ZipfPopularity popularity = new ZipfPopularity(n, 1.0);
        double all = harmonic(n);

        assertThat(popularity.shareOfTop(10)).isCloseTo(harmonic(10) / all, within(1e-6));
        assertThat(popularity.shareOfTop(100_000)).isCloseTo(harmonic(100_000) / all, within(1e-3));
        assertThat(popularity.shareOfTop(n)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aBillionCodesTakeFewGroups() {
        ZipfPopularity popularity = new ZipfPopularity(1_000_000_000L, 0.8);

        assertThat(popularity.groups()).hasSizeLessThan(30_000);
        assertThat(popularity.groups().stream().mapToDouble(g -> g.codes() * g.probability()).sum()).isCloseTo(1.0, within(1e-9));
    }

    private static double harmonic(int n) {
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += 1.0 / k;
        }
        return sum;
    }
}
