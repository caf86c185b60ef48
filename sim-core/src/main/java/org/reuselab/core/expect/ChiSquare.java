package org.reuselab.core.expect;

import org.apache.commons.statistics.inference.ChiSquareTest;

/** Pearson's chi-square test of counts against equal shares (Apache Commons Statistics). */
public final class ChiSquare {

    private ChiSquare() {
    }

    /** The p-value of observing {@code counts} if every category had the same probability. */
    public static double uniformPValue(int[] counts) {
        return uniformPValue(java.util.Arrays.stream(counts).asLongStream().toArray());
    }

    /** The same for counts beyond an int; 1 for fewer than two categories or no count at all. */
    public static double uniformPValue(long[] counts) {
        long n = java.util.Arrays.stream(counts).sum();
        if (counts.length < 2 || n == 0) {
            return 1.0;
        }
        return ChiSquareTest.withDefaults().test(counts).getPValue();
    }
}
