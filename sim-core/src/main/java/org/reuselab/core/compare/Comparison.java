package org.reuselab.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.host.SimHost;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.trace.Trace;
import org.reuselab.core.trace.TraceEntry;

/**
 * A scenario's real trace against the simulator fed with what the real kernel drew: the steps
 * compared, and the feed's findings (ports the model would not take, flow-hash contradictions,
 * predictions the observations left open).
 *
 * <p>Where the real trace leaves open which member a migrating child went to, the fed simulator
 * is run again with the other choices, depth first, until one run agrees: the model is judged by
 * whether some choice of those draws reproduces the kernel, as for every other draw. If none does,
 * the first run is reported; if the tries run out first, its steps from the first open
 * migration on are undetermined.
 */
public record Comparison(Trace real, Trace sim, List<StepComparison> steps, List<String> findings) {

    /** At most this many runs of the fed simulator per comparison. */
    static final int MAX_RUNS = 200;

    public static Comparison of(Scenario scenario, Trace real, RunOptions options, KnownDifferences known) {
        Observations observed = Observations.of(real);
        long seed = options.seed().orElse(scenario.seed());
        Run first = Run.of(scenario, real, options, known, observed, seed, List.of());
        Run run = first;
        for (int runs = 1; !run.agrees(); runs++) {
            var next = run.feed.learnedFlows().nextScript(run.firstFailure());
            if (next.isEmpty()) {
                return first.report(known, false, runs);
            }
            if (runs == MAX_RUNS) {
                return first.report(known, true, runs);
            }
            run = Run.of(scenario, real, options, known, observed, seed, next.get());
        }
        return run.report(known, false, 0);
    }

    /** One run of the fed simulator with a script of choices for the open migrations. */
    private record Run(Trace real, Trace sim, RealFeed feed, List<StepComparison> steps) {

        static Run of(Scenario scenario, Trace real, RunOptions options, KnownDifferences known,
                Observations observed, long seed, List<Integer> script) {
            RealFeed feed = new RealFeed(observed, seed, script);
            Trace sim = new SimHost().run(scenario, options, feed);
            return new Run(real, sim, feed, TraceDiff.diff(real, sim, known, feed.learnedFlows().guessedSteps()));
        }

        boolean agrees() {
            return feed.learnedFlows().contradictions().isEmpty()
                    && steps.stream().noneMatch(s -> s.verdict() == StepComparison.Verdict.DIVERGE);
        }

        /** The first step that diverged or met a contradiction. */
        int firstFailure() {
            int diverged = steps.stream().filter(s -> s.verdict() == StepComparison.Verdict.DIVERGE)
                    .mapToInt(StepComparison::step).min().orElse(Integer.MAX_VALUE);
            return Math.min(diverged, feed.learnedFlows().firstContradictionStep().orElse(Integer.MAX_VALUE));
        }

        /**
         * This run as the comparison's answer. {@code open}: the tries ran out, so the steps from the
         * first open migration on are undetermined and its contradictions are no finding against the model.
         */
        Comparison report(KnownDifferences known, boolean open, int runs) {
            LearnedFlowPicker flows = feed.learnedFlows();
            List<String> findings = new ArrayList<>(feed.feedingChooser().notes());
            List<LearnedFlowPicker.GuessPoint> points = flows.guessPoints();
            if (!open || points.isEmpty()) {
                findings.addAll(flows.contradictions());
                if (runs > 0 && !points.isEmpty()) {
                    findings.add("no choice for the " + points.size() + " migration(s) the real trace leaves open"
                            + " reproduces it (" + runs + " run(s) of the model)");
                }
                return new Comparison(real, sim, steps, findings);
            }
            int from = points.getFirst().step();
            findings.addAll(flows.contradictionsBefore(from));
            findings.add("step " + from + ": the real trace leaves open where migrating children went; " + runs
                    + " run(s) of the model found no choice that agrees, so later steps are undetermined");
            Set<Integer> guessed = new TreeSet<>(flows.guessedSteps());
            sim.entries().stream().map(TraceEntry::step).filter(s -> s >= from).forEach(guessed::add);
            return new Comparison(real, sim, TraceDiff.diff(real, sim, known, guessed), findings);
        }
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
