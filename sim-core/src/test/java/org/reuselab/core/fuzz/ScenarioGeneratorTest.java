package org.reuselab.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.scenario.ScenarioReader;

/** The generator's two forms of a seed are one scenario: fuzz runs the records and shrinks the file. */
class ScenarioGeneratorTest {

    private static final ScenarioReader READER = new ScenarioReader(Set.copyOf(KernelProfiles.names()));
    private static final int SEEDS = 3000;

    @Test
    void records_equalTheFileAsRead_butForPositions() throws ScenarioException {
        for (long seed = 1; seed <= SEEDS; seed++) {
            ObjectNode json = ScenarioGenerator.json(seed, 16);
            Scenario read = READER.read(json.get("name").asText() + ".json", json.toString());
            Scenario built = ScenarioGenerator.scenario(seed, 16);
            assertEquals(withoutPositions(read), withoutPositions(built), "seed " + seed);
        }
    }

    @Test
    void sameSeed_sameScenario() {
        assertEquals(ScenarioGenerator.json(7, 16), ScenarioGenerator.json(7, 16));
        assertEquals(ScenarioGenerator.scenario(7, 16), ScenarioGenerator.scenario(7, 16));
    }

    /** Every component of every record, with positions (which only a file has) left out. */
    private static String withoutPositions(Scenario s) {
        return s.toString().replaceAll("pos=\\d+:\\d+ at [^,\\]]*", "pos=-");
    }
}
