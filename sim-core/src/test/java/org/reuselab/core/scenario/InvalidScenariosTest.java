package org.reuselab.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code scenarios/invalid/NAME.json} must fail with exactly the text of its sibling
 * {@code NAME.expected}. Run with {@code -Dgolden.update=true} to rewrite the .expected files
 * (then review the diff).
 */
class InvalidScenariosTest {

    private static final Path DIR = Path.of("../scenarios/invalid");
    /** The command's reader (every profile), so that `reuselab check` prints exactly the .expected text. */
    private static final ScenarioReader READER = new ScenarioReader(
            new java.util.LinkedHashSet<>(org.reuselab.core.kernel.KernelProfiles.names()));

    @TestFactory
    Stream<DynamicTest> eachInvalidFileFailsWithItsExpectedText() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.size() < 20, "expected at least 20 invalid scenarios, found " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        String name = file.getFileName().toString();
        String content = Files.readString(file, StandardCharsets.UTF_8);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> READER.read("scenarios/invalid/" + name, content));
        Path expected = file.resolveSibling(name.replaceFirst("\\.json$", ".expected"));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, e.format(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), e.format(), name);
    }
}
