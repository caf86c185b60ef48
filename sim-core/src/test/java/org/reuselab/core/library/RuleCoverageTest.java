package org.reuselab.core.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.reuselab.core.model.Rule;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.trace.Event;
import org.reuselab.core.trace.Trace;
import org.reuselab.core.trace.TraceEntry;

/**
 * Every {@link Rule} decides some step or event of some run of the scenario library. The rules in
 * {@link #NOT_YET_COVERABLE} cannot be reached through a trace today (the reason is given for
 * each); the test also fails when one of them becomes covered, so that the list only shrinks.
 */
class RuleCoverageTest {

    /** Rules no valid scenario can make a trace carry with the current model, and why. */
    private static final Map<Rule, String> NOT_YET_COVERABLE = new TreeMap<>(Map.ofEntries(
            Map.entry(Rule.CONFLICT_AUTOBIND_STRICT, "per-port verdict of the port search; the step reports "
                    + "EPHEMERAL_EXHAUSTED or the chosen port"),
            Map.entry(Rule.CONFLICT_AUTOBIND_NO_REUSEPORT, "per-port verdict of the port search, as above"),
            Map.entry(Rule.OBSERVED, "the real-kernel host's rule for what it observed; the simulator never uses it"),
            Map.entry(Rule.NOT_MODELLED, "the reader rejects every op/option the simulator does not model"),
            Map.entry(Rule.EBUSY_REUSEPORT_GROUP, "not reached by any scenario written yet"),
            Map.entry(Rule.SYN_DROPPED_BACKLOG_QUARTER, "no scenario yet: tcp_max_syn_backlog quarter test"),
            Map.entry(Rule.CONNECT_NO_ROUTE, "no scenario yet: connect to an unroutable address"),
            Map.entry(Rule.EALREADY_CONNECT, "no scenario yet: connect while one is in progress")));

    @Test
    void everyRule_decidesSomeStepOrEventOfTheLibrary() throws IOException, ScenarioException {
        Set<Rule> seen = coveredRules();
        Set<Rule> uncovered = EnumSet.complementOf(EnumSet.copyOf(seen));
        uncovered.removeAll(NOT_YET_COVERABLE.keySet());
        assertEquals(List.of(), List.copyOf(uncovered), uncovered.size() + " of " + Rule.values().length
                + " rules decide no step or event of scenarios/** (and are not in NOT_YET_COVERABLE): " + uncovered);
    }

    @Test
    void notYetCoverableRules_areStillUncovered() throws IOException, ScenarioException {
        Set<Rule> nowCovered = EnumSet.noneOf(Rule.class);
        nowCovered.addAll(NOT_YET_COVERABLE.keySet());
        nowCovered.retainAll(coveredRules());
        assertEquals(Set.of(), nowCovered, "covered now: remove them from NOT_YET_COVERABLE");
    }

    private static Set<Rule> coveredRules() throws IOException, ScenarioException {
        Set<Rule> seen = EnumSet.noneOf(Rule.class);
        for (Path f : ScenarioLibrary.files()) {
            for (Trace t : ScenarioLibrary.run(ScenarioLibrary.read(f))) {
                for (TraceEntry e : t.entries()) {
                    e.why().ifPresent(w -> seen.add(w.rule()));
                    e.events().stream().map(Event::rule).forEach(seen::add);
                }
            }
        }
        return seen;
    }
}
