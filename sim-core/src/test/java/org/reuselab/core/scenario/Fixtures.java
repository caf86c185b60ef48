package org.reuselab.core.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

/** Shared helpers for reader tests: read text, or read it expecting errors. */
final class Fixtures {

    static final Set<String> PROFILES = Set.of("4.4", "5.15", "6.1", "6.18");
    static final ScenarioReader READER = new ScenarioReader(PROFILES);

    private Fixtures() {
    }

    static Scenario read(String json) throws ScenarioException {
        return READER.read("t.json", json);
    }

    /** The formatted errors of a file that must not read. */
    static String errors(String json) {
        return assertThrows(ScenarioException.class, () -> READER.read("t.json", json)).format();
    }

    /** A scenario whose steps are the given JSON objects (comma-separated). */
    static String steps(String stepsJson) {
        return "{\"steps\": [" + stepsJson + "]}";
    }

    /** The formatted errors of a scenario made of these steps. */
    static String stepErrors(String stepsJson) {
        return errors(steps(stepsJson));
    }
}
