package io.shortener.loadtest;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Ranks 0..n-1 drawn with probability proportional to 1/(rank+1)^exponent, by binary search in the CDF. */
final class ZipfSampler {

    private final double[] cumulative;

    ZipfSampler(int n, double exponent) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one rank");
        }
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += 1.0 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < n; rank++) {
            cumulative[rank] /= sum;
        }
    }

    int sample(SplittableRandom random) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
    }
}
