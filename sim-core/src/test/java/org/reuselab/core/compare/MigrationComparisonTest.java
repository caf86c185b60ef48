package org.reuselab.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.host.SimHost;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.ScenarioReader;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.Trace;
import org.reuselab.core.trace.TraceEntry;

/**
 * Comparisons of files where children migrate more than once (listeners stopped in turn, tcp_migrate_req=1),
 * with a simulator run of one seed playing the real kernel: the final acceptor of a child is not read as the
 * member its hash picked at the first stop, and an accept order no choice of migrations explains is a
 * divergence, not an undetermined step.
 */
class MigrationComparisonTest {

    private static final RunOptions PLAYED_REAL = new RunOptions(Optional.empty(), OptionalLong.of(1));
    private static final RunOptions FED = new RunOptions(Optional.empty(), OptionalLong.of(987_654_321L));

    private static Scenario read(String name) throws Exception {
        return new ScenarioReader(Set.copyOf(KernelProfiles.names())).read(Path.of("../scenarios/accept/" + name));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"migrate-four-of-five-shutdown.json", "migrate-four-of-five-close-ipv6.json"})
    void childrenMigratedTwice_agreeWithoutAnyOpenChoice(String file) throws Exception {
        Scenario s = read(file);
        Trace real = new SimHost().run(s, PLAYED_REAL);
        RealFeed feed = new RealFeed(real, 987_654_321L);
        new SimHost().run(s, FED, feed);
        assertEquals(List.of(), feed.learnedFlows().contradictions());
        assertEquals(List.of(), feed.learnedFlows().guessPoints(), "every migration is settled by the real trace");
        assertTrue(Comparison.of(s, real, FED, KnownDifferences.none()).agrees());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"migrate-four-of-five-shutdown.json", "migrate-four-of-five-close-ipv6.json"})
    void acceptOrderNoMigrationExplains_diverges(String file) throws Exception {
        Scenario s = read(file);
        Trace real = swapFirstAndLastAccepted(new SimHost().run(s, PLAYED_REAL));
        Comparison c = Comparison.of(s, real, FED, KnownDifferences.none());
        assertFalse(c.agrees());
        assertEquals(0, c.undetermined(), () -> "steps " + c.steps());
        assertEquals(1, c.divergences());
    }

    /** The accept_all step's first and last child exchange their peers, as if the kernel had queued them so. */
    private static Trace swapFirstAndLastAccepted(Trace t) {
        List<TraceEntry> entries = new ArrayList<>();
        for (TraceEntry e : t.entries()) {
            if (e.call().startsWith("accept_all") && e.outcome() instanceof Outcome.Accepted a) {
                List<Outcome.Child> kids = new ArrayList<>(a.children());
                Outcome.Child first = kids.getFirst();
                Outcome.Child last = kids.getLast();
                kids.set(0, new Outcome.Child(first.name(), last.peer()));
                kids.set(kids.size() - 1, new Outcome.Child(last.name(), first.peer()));
                e = new TraceEntry(e.step(), e.call(), new Outcome.Accepted(kids), e.why(), e.events(), e.checks());
            }
            entries.add(e);
        }
        return new Trace(t.scenario(), t.file(), t.host(), t.kernel(), t.seed(), entries);
    }
}
