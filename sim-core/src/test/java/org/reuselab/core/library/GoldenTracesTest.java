package org.reuselab.core.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.trace.Trace;
import org.reuselab.core.trace.TraceText;

/**
 * Every scenarios/AREA/NAME.json (but invalid/) runs on each profile it names and its explained
 * text traces, concatenated, must equal scenarios/AREA/NAME.trace byte for byte. Run with
 * {@code -Dgolden.update=true} to rewrite the .trace files, then review them in {@code git diff}.
 */
class GoldenTracesTest {

    @TestFactory
    Stream<DynamicTest> everyScenario_matchesItsGoldenTrace() {
        List<Path> files = ScenarioLibrary.files();
        assertTrue(files.size() >= 40, "expected the scenario library, found " + files.size() + " files");
        return files.stream().map(f -> DynamicTest.dynamicTest(ScenarioLibrary.displayName(f), () -> check(f)));
    }

    private static void check(Path file) throws IOException, ScenarioException {
        Scenario s = ScenarioLibrary.read(file);
        List<Trace> traces = ScenarioLibrary.run(s);
        String actual = traces.stream().map(t -> TraceText.format(t, true)).collect(Collectors.joining());
        Path golden = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.json$", ".trace"));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), "no golden trace " + golden + " (run with -Dgolden.update=true)");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, ScenarioLibrary.displayName(file));
    }
}
