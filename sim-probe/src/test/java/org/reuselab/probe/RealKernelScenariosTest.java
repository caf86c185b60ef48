package org.reuselab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.trace.Trace;
import org.reuselab.core.trace.TraceText;

/**
 * The scenario library on the machine's kernel: the bind files were written from observations of a
 * real 6.18 kernel, so every expectation must hold here too. Skipped without root and netns.
 */
@Tag("root")
class RealKernelScenariosTest {

    static Stream<Path> files() throws IOException {
        Path root = RealKernel.scenarios();
        try (Stream<Path> bind = Files.list(root.resolve("bind"))) {
            return Stream.concat(bind.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream(),
                    Stream.of(root.resolve("reuseport/seed-three-reuseport-servers.json"),
                            root.resolve("reload/reload-drops-queued-connections.json")));
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
