package io.shortener.loadtest;

import java.util.ArrayList;
import java.util.List;

/**
 * Zipf popularity over n codes (the code of rank r drawn with probability proportional to 1/r^s), as
 * groups of codes of nearly equal probability: the first 10,000 ranks one by one, then ranks in groups
 * 0.1% wider than the last. A sum over 10^9 codes then takes ~20,000 terms, and any sum that is smooth in
 * the rank (what a cache model adds up) is off by well under 0.1%.
 */
final class ZipfPopularity {

    /** {@code codes} codes of rank {@code firstRank} onwards, each drawn with probability {@code probability}. */
    record Group(long firstRank, long codes, double probability) {
    }

    private final List<Group> groups;

    ZipfPopularity(long n, double exponent) {
        List<Group> built = new ArrayList<>();
        double norm = 0;
        long rank = 1;
        while (rank <= n) {
            long width = rank <= 10_000 ? 1 : Math.max(1, (long) (rank * 0.001));
            long last = Math.min(n, rank + width - 1);
            // The mean of 1/r^s over the group, from the integral: exact enough once groups are wide.
            double weight = width == 1 ? Math.pow(rank, -exponent) : meanWeight(rank, last, exponent);
            built.add(new Group(rank, last - rank + 1, weight));
            norm += weight * (last - rank + 1);
            rank = last + 1;
        }
        double total = norm;
        this.groups = built.stream().map(g -> new Group(g.firstRank(), g.codes(), g.probability() / total)).toList();
    }

    private static double meanWeight(long first, long last, double s) {
        double a = first - 0.5;
        double b = last + 0.5;
        double integral = Math.abs(s - 1) < 1e-9 ? Math.log(b / a) : (Math.pow(b, 1 - s) - Math.pow(a, 1 - s)) / (1 - s);
        return integral / (last - first + 1);
    }

    List<Group> groups() {
        return groups;
    }

    /** The share of all requests that go to the {@code top} most popular codes. */
    double shareOfTop(long top) {
        double share = 0;
        for (Group group : groups) {
            if (group.firstRank() > top) {
                break;
            }
            share += group.probability() * Math.min(group.codes(), top - group.firstRank() + 1);
        }
        return share;
    }
}
