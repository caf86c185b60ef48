package org.reuselab.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.reuselab.core.scenario.Step;
import org.reuselab.core.trace.OutcomeText;
import org.reuselab.core.trace.Trace;
import org.reuselab.core.trace.TraceJson;
import org.reuselab.core.trace.TraceText;

/**
 * Properties of whole runs over random scenarios of the tiny domain of {@link GenScenarios}:
 * determinism, the JSON round trip, and that the test-side {@link Replay} used by the other
 * properties runs the model exactly as {@link SimHost} does.
 */
class ModelPropertiesTest {

    @Provide
    Arbitrary<GenScenarios.Generated> withClients() {
        return GenScenarios.scenarios(GenScenarios.Mode.CLIENTS);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void sameSeed_givesByteIdenticalTrace(@ForAll("withClients") GenScenarios.Generated g) {
        Trace first = new SimHost().run(g.scenario(), RunOptions.defaults().checkingInvariants());
        Trace second = new SimHost().run(g.scenario(), RunOptions.defaults().checkingInvariants());
        assertEquals(TraceText.format(first, true), TraceText.format(second, true));
        assertEquals(TraceJson.format(first), TraceJson.format(second));
        assertEquals(g.scenario().steps().size(), first.entries().size(), "one entry per step");
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void traceJson_parsesBackToEqualTrace(@ForAll("withClients") GenScenarios.Generated g) {
        Trace t = new SimHost().run(g.scenario(), RunOptions.defaults().checkingInvariants());
        String json = TraceJson.format(t);
        Trace back = TraceJson.parse(json);
        assertEquals(t, back);
        assertEquals(json, TraceJson.format(back), "formatting the parsed trace gives the same text");
        Statistics.collect(t.entries().stream().anyMatch(e -> e.call().startsWith("connect")) ? "connect" : "none");
    }

    /** The harness the table properties rely on must give the trace's outcomes, step by step. */
    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void replay_givesSimHostOutcomes(@ForAll("withClients") GenScenarios.Generated g) {
        Trace t = new SimHost().run(g.scenario(), RunOptions.defaults().checkingInvariants());
        List<StepResult> replayed = new Replay(g.scenario()).run(g.scenario(), new Replay.Hook() { });
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < replayed.size(); i++) {
            Step step = g.scenario().steps().get(i);
            expected.add(step.meta().number() + " " + OutcomeText.full(t.entries().get(i).outcome()) + " "
                    + t.entries().get(i).why().map(w -> w.rule().name()).orElse("-"));
            actual.add(step.meta().number() + " " + OutcomeText.full(replayed.get(i).outcome()) + " "
                    + replayed.get(i).why().map(w -> w.rule().name()).orElse("-"));
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }
}
