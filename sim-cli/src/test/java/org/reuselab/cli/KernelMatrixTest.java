package org.reuselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reuselab.core.compare.StepComparison;
import org.reuselab.core.compare.StepComparison.Verdict;

/** The matrix's assembly from per-kernel comparisons, its marks and its text; and compare's JSON round trip. */
class KernelMatrixTest {

    private static StepComparison step(int n, String call, Verdict v, String real, String sim) {
        return new StepComparison(n, call, v, real, sim, v == Verdict.AGREE ? Optional.empty() : Optional.of("RULE"),
                v == Verdict.KNOWN_DIFFERENCE ? Optional.of("because") : Optional.empty());
    }

    private static KernelComparison kernel(String release, String profile, StepComparison... steps) {
        return new KernelComparison(release, profile, List.of(new KernelComparison.FileComparison("f.json",
                List.of(steps).stream().noneMatch(s -> s.verdict() == Verdict.DIVERGE), List.of(steps), List.of())));
    }

    private static final KernelComparison OLD = kernel("6.1.0-56-amd64", "6.1",
            step(1, "socket a", Verdict.AGREE, "ok", "ok"),
            step(2, "bind a 0.0.0.0:80", Verdict.AGREE, "ok", "ok"),
            step(3, "listen a", Verdict.DIVERGE, "EADDRINUSE", "ok"));
    private static final KernelComparison NEW = kernel("6.18.44", "6.18",
            step(1, "socket a", Verdict.AGREE, "ok", "ok"),
            step(2, "bind a 0.0.0.0:80", Verdict.AGREE, "EACCES", "EACCES"),
            step(3, "listen a", Verdict.KNOWN_DIFFERENCE, "ok", "EINVAL"));

    private static KernelMatrix matrix() {
        return KernelMatrix.of(List.of(new KernelMatrix.Column("6.1", OLD), new KernelMatrix.Column("host", NEW)));
    }

    @Test
    void of_marksKernelsAndModels() {
        KernelMatrix m = matrix();
        assertEquals(3, m.rows().size());
        assertEquals(List.of(false, true, true), m.rows().stream().map(KernelMatrix.Row::kernelsDiffer).toList());
        assertEquals(List.of(false, false, true), m.rows().stream().map(KernelMatrix.Row::modelDiffers).toList());
        assertEquals(1, m.unexplainedModelDifferences());
    }

    @Test
    void of_stepMissingOnOneKernel_emptyCellAndMarked() {
        KernelMatrix m = KernelMatrix.of(List.of(new KernelMatrix.Column("6.1", OLD),
                new KernelMatrix.Column("x", kernel("7.0", "6.18", step(1, "socket a", Verdict.AGREE, "ok", "ok")))));
        assertEquals(Optional.empty(), m.rows().get(2).cells().get(1));
        assertTrue(m.rows().get(2).kernelsDiffer());
    }

    @Test
    void text_onlyMarkedStepsWithTheirCells() {
        StringWriter s = new StringWriter();
        MatrixText.print(matrix(), false, new PrintWriter(s));
        String text = s.toString();
        assertTrue(text.contains("""

                f.json
                     2 K bind a 0.0.0.0:80
                         6.1   ok
                         host  EACCES
                     3 K listen a
                         6.1   EADDRINUSE ! sim: ok
                         host  ok ~ sim: EINVAL
                """), text);
        assertTrue(!text.contains("socket a"), text);
        assertTrue(text.endsWith("matrix: 3 steps, 2 differ between kernels, 1 where a model differs from its kernel "
                + "(1 unexplained)\n"), text);
    }

    @Test
    void maskDrawnPorts_onlyPortsTheCallDoesNotName() {
        assertEquals("ok 127.0.0.1:*", KernelMatrix.maskDrawnPorts("ok 127.0.0.1:40123", "bind s 127.0.0.1:0"));
        assertEquals("ok [::1]:5000", KernelMatrix.maskDrawnPorts("ok [::1]:5000", "bind s [::1]:5000"));
        assertEquals("10.0.0.2:40001 -> 10.0.0.1:*", KernelMatrix.maskDrawnPorts("10.0.0.2:40001 -> 10.0.0.1:33000",
                "handshake 10.0.0.2:40001 > 10.0.0.1"));
    }

    @Test
    void maskSpread_countsPerListenerNotTheListeners() {
        assertEquals("100 connections: 100 established (by L0 *, L1 *)",
                KernelMatrix.maskSpread("100 connections: 100 established (by L0 39, L1 61)"));
        KernelMatrix m = KernelMatrix.of(List.of(
                new KernelMatrix.Column("a", kernel("6.1", "6.1", step(1, "connect b 127.0.0.1:5000 count=100",
                        Verdict.AGREE, "100 connections: 100 established (by L0 39, L1 61)", ""))),
                new KernelMatrix.Column("b", kernel("6.12", "6.12", step(1, "connect b 127.0.0.1:5000 count=100",
                        Verdict.AGREE, "100 connections: 100 established (by L0 50, L1 50)", "")))));
        assertTrue(!m.rows().get(0).kernelsDiffer());
    }

    @Test
    void compareJson_roundTrip() {
        assertEquals(OLD, CompareJson.parse(CompareJson.format(OLD)));
        assertEquals(NEW, CompareJson.parse(CompareJson.format(NEW)));
    }
}
