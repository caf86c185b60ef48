package org.reuselab.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.host.SimHost;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.ScenarioReader;

/**
 * The comparison machinery checked against a host whose draws we control: a simulator run with
 * one seed plays the "real kernel"; the fed simulator with another seed must then agree on every
 * step, because every value the first one drew (ports, reuseport members) is fed to the second.
 */
class SimAgainstSimTest {

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("../scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("invalid"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void fedSimulator_agreesWithAnotherSeed(Path file) throws Exception {
        Scenario s = new ScenarioReader(Set.copyOf(KernelProfiles.names())).read(file);
        RunOptions playedReal = new RunOptions(Optional.empty(), OptionalLong.of(1));
        var real = new SimHost().run(s, playedReal);
        Comparison c = Comparison.of(s, real, new RunOptions(Optional.empty(), OptionalLong.of(987_654_321L)),
                KnownDifferences.none());
        List<StepComparison> diverging = c.steps().stream()
                .filter(x -> x.verdict() == StepComparison.Verdict.DIVERGE).toList();
        assertEquals(List.of(), diverging, "diverging steps");
        assertTrue(c.agrees(), () -> "findings: " + c.findings());
    }

    /** The control: without the feed, another seed draws other ports and members, so steps diverge. */
    @org.junit.jupiter.api.Test
    void unfedSimulator_divergesOnTheSeedExperiment() throws Exception {
        Scenario s = new ScenarioReader(Set.copyOf(KernelProfiles.names()))
                .read(Path.of("../scenarios/reuseport/seed-three-reuseport-servers.json"));
        var real = new SimHost().run(s, new RunOptions(Optional.empty(), OptionalLong.of(1)));
        var other = new SimHost().run(s, new RunOptions(Optional.empty(), OptionalLong.of(987_654_321L)));
        long diverging = TraceDiff.diff(real, other, KnownDifferences.none()).stream()
                .filter(x -> x.verdict() == StepComparison.Verdict.DIVERGE).count();
        assertTrue(diverging > 0, "two seeds should draw different ports and members");
    }
}
