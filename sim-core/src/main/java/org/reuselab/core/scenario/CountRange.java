package org.reuselab.core.scenario;

/** An exact count or {@code {"min": a, "max": b}}. */
public record CountRange(int min, int max) {

    public CountRange {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("bad count range min=" + min + " max=" + max);
        }
    }

    public static CountRange exactly(int n) {
        return new CountRange(n, n);
    }

    public boolean admits(long n) {
        return n >= min && n <= max;
    }

    @Override
    public String toString() {
        if (min == max) {
            return Integer.toString(min);
        }
        return max == Integer.MAX_VALUE ? ">=" + min : min + ".." + max;
    }
}
