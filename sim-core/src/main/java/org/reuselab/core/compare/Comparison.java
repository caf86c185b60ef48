package org.reuselab.core.compare;

import java.util.ArrayList;
import java.util.List;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.host.SimHost;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.trace.Trace;

/**
 * A scenario's real trace against the simulator fed with what the real kernel drew: the steps
 * compared, and the feed's findings (ports the model would not take, flow-hash contradictions,
 * predictions the observations left open).
 */
public record Comparison(Trace real, Trace sim, List<StepComparison> steps, List<String> findings) {

    public static Comparison of(Scenario scenario, Trace real, RunOptions options, KnownDifferences known) {
        RealFeed feed = new RealFeed(real, options.seed().orElse(scenario.seed()));
        Trace sim = new SimHost().run(scenario, options, feed);
        List<String> findings = new ArrayList<>();
        findings.addAll(feed.feedingChooser().notes());
        findings.addAll(feed.learnedFlows().contradictions());
        return new Comparison(real, sim, TraceDiff.diff(real, sim, known, feed.learnedFlows().guessedSteps()),
                findings);
    }

    public long divergences() {
        return steps.stream().filter(s -> s.verdict() == StepComparison.Verdict.DIVERGE).count();
    }

    public long undetermined() {
        return steps.stream().filter(s -> s.verdict() == StepComparison.Verdict.UNDETERMINED).count();
    }

    public long known() {
        return steps.stream().filter(s -> s.verdict() == StepComparison.Verdict.KNOWN_DIFFERENCE).count();
    }

    public boolean agrees() {
        return divergences() == 0 && findings.stream().noneMatch(f -> f.contains("earlier observations"));
    }
}
