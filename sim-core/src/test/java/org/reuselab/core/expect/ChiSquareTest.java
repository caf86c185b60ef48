package org.reuselab.core.expect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Known p-values of the uniform chi-square test. */
class ChiSquareTest {

    @Test
    void knownValues() {
        // statistic 10 with 2 degrees of freedom: p = exp(-5)
        assertEquals(Math.exp(-5), ChiSquare.uniformPValue(new int[] {10, 20, 30}), 1e-9, "{10,20,30}");
        assertEquals(1.0, ChiSquare.uniformPValue(new int[] {5, 5, 5, 5}), 1e-12);
        assertEquals(1.0, ChiSquare.uniformPValue(new int[] {7}), 0);
        assertEquals(1.0, ChiSquare.uniformPValue(new int[] {0, 0}), 0);
    }
}
