package org.reuselab.core.expect;

/**
 * Pearson's chi-square test of counts against equal shares, with the p-value from the regularized
 * upper incomplete gamma function (series below a+1, continued fraction above; Lentz's method).
 */
public final class ChiSquare {

    private ChiSquare() {
    }

    /** The p-value of observing {@code counts} if every category had the same probability. */
    public static double uniformPValue(int[] counts) {
        return uniformPValue(java.util.Arrays.stream(counts).asLongStream().toArray());
    }

    /** The same for counts beyond an int. */
    public static double uniformPValue(long[] counts) {
        int k = counts.length;
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        if (k < 2 || n == 0) {
            return 1.0;
        }
        double expected = (double) n / k;
        double stat = 0;
        for (long c : counts) {
            stat += (c - expected) * (c - expected) / expected;
        }
        return upperRegularizedGamma((k - 1) / 2.0, stat / 2.0);
    }

    static double upperRegularizedGamma(double a, double x) {
        if (x <= 0) {
            return 1.0;
        }
        if (x < a + 1) {
            return 1.0 - lowerSeries(a, x);
        }
        return upperFraction(a, x);
    }

    private static double lowerSeries(double a, double x) {
        double term = 1.0 / a;
        double sum = term;
        for (int n = 1; n < 1000; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * 1e-15) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    private static double upperFraction(double a, double x) {
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** Lanczos approximation (g = 7, nine coefficients). */
    static double logGamma(double x) {
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double xx = x - 1;
        double sum = g[0];
        double t = xx + 7.5;
        for (int i = 1; i < 9; i++) {
            sum += g[i] / (xx + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
