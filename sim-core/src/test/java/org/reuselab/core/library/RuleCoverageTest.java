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
            Map.entry(Rule.REUSEPORT_RESERVOIR, "listener selection's rule never reaches the trace"),
            Map.entry(Rule.NOT_MODELLED, "the reader rejects every op/option the simulator does not model"),
            Map.entry(Rule.EBUSY_REUSEPORT_GROUP, "not reached by any scenario written yet"),
            Map.entry(Rule.SYN_COOKIE_SENT, "no scenario yet: needs a full SYN queue with tcp_syncookies=1"),
            Map.entry(Rule.SYN_DROPPED_SYNQ_FULL, "no scenario yet: full SYN queue with tcp_syncookies=0"),
            Map.entry(Rule.SYN_DROPPED_BACKLOG_QUARTER, "no scenario yet: tcp_max_syn_backlog quarter test"),
            Map.entry(Rule.ACK_DROPPED_ACCEPTQ_FULL, "no scenario yet: final ACK while the accept queue is full"),
            Map.entry(Rule.RST_ACCEPTQ_FULL_ABORT, "no scenario yet: as above with tcp_abort_on_overflow=1"),
            Map.entry(Rule.REQUEST_LISTENER_CLOSED, "no scenario yet: final ACK after the listener closed"),
            Map.entry(Rule.REQUEST_NOT_IN_SYN_TABLE, "no scenario yet: pre-4.4 final ACK relookup"),
            Map.entry(Rule.COOKIE_ACCEPTED, "no scenario yet: a SYN cookie ACK"),
            Map.entry(Rule.REQUEST_DROPPED_BY_TIMER, "no scenario yet: SYN-ACK timer after the listener closed"),
            Map.entry(Rule.MIGRATED_AT_TIMER, "no scenario yet: migration by the SYN-ACK timer"),
            Map.entry(Rule.MIGRATED_AT_ACK, "no scenario yet: migration at the final ACK"),
            Map.entry(Rule.CONNECT_TIMED_OUT, "no scenario yet: a connect that gets no answer"),
            Map.entry(Rule.CONNECT_NO_ROUTE, "no scenario yet: connect to an unroutable address"),
            Map.entry(Rule.EALREADY_CONNECT, "no scenario yet: connect while one is in progress"),
            Map.entry(Rule.TIME_WAIT_ANSWERED, "no scenario yet: a remote peer's segment to a TIME_WAIT socket")));

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
