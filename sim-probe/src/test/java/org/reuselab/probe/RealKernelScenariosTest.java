package org.reuselab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.scenario.Step;
import org.reuselab.core.trace.Trace;
import org.reuselab.core.trace.TraceText;

/**
 * The scenario library on the machine's kernel: the bind files were written from observations of a
 * real 6.18 kernel, so every expectation must hold here too. Skipped without root and netns.
 */
@Tag("root")
class RealKernelScenariosTest {

    /** Files whose {@code advance} steps sleep longer than this in all are left to {@code reuselab real}. */
    private static final long SLEEP_MAX_MS = 10_000;

    static Stream<Path> files() {
        Path root = RealKernel.scenarios();
        return Stream.of("bind", "reuseport", "reload", "rules").flatMap(dir -> json(root.resolve(dir)).stream())
                .filter(RealKernelScenariosTest::quick);
    }

    private static List<Path> json(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean quick(Path file) {
        try {
            return RealKernel.read(file).steps().stream().mapToLong(s -> s instanceof Step.Advance a ? a.ms() : 0).sum()
                    <= SLEEP_MAX_MS;
        } catch (ScenarioException e) {
            return true;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void scenario_onRealKernel_everyExpectationHolds(Path file) throws ScenarioException {
        RealKernel.assumeAvailable();
        Trace t = RealKernel.run(RealKernel.read(file));
        assertTrue(t.host().startsWith("linux "), t.host());
        assertTrue(t.passedChecks() > 0, "no expectation was checked in " + file);
        assertEquals(0, t.failedChecks(), () -> String.join("\n", TraceText.failures(t)) + "\n"
                + TraceText.format(t, true));
        assertTrue(t.entries().stream().allMatch(e -> e.why().isEmpty()), "real-kernel entries carry no why");
    }
}
