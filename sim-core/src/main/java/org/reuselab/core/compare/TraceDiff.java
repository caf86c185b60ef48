package org.reuselab.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.expect.OutcomeText;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.Trace;
import org.reuselab.core.trace.TraceEntry;

/**
 * Step-by-step comparison of a real kernel's trace with the simulator's fed one. Outcomes are
 * compared in full (errno, local address, every connection's result and listener, replies,
 * accepted peers); a dump is not compared (the simulator prints its internal tables), nor a step
 * either host could not run.
 */
public final class TraceDiff {

    private TraceDiff() {
    }

    public static List<StepComparison> diff(Trace real, Trace sim, KnownDifferences known) {
        List<StepComparison> out = new ArrayList<>();
        int n = Math.min(real.entries().size(), sim.entries().size());
        for (int i = 0; i < n; i++) {
            out.add(compare(real.entries().get(i), sim.entries().get(i), sim, known));
        }
        return out;
    }

    private static StepComparison compare(TraceEntry r, TraceEntry s, Trace sim, KnownDifferences known) {
        String realText = OutcomeText.full(r.outcome());
        String simText = OutcomeText.full(s.outcome());
        Optional<String> rule = s.why().map(w -> w.rule().name());
        StepComparison.Verdict v;
        if (notComparable(r.outcome()) || notComparable(s.outcome())) {
            v = StepComparison.Verdict.NOT_COMPARED;
        } else if (same(r.outcome(), s.outcome())) {
            v = StepComparison.Verdict.AGREE;
        } else {
            Optional<String> reason = known.reason(sim.file(), s.step(), sim.kernel());
            if (reason.isPresent()) {
                return new StepComparison(s.step(), s.call(), StepComparison.Verdict.KNOWN_DIFFERENCE, realText, simText,
                        rule, reason);
            }
            v = StepComparison.Verdict.DIVERGE;
        }
        return new StepComparison(s.step(), s.call(), v, realText, simText, rule, Optional.empty());
    }

    private static boolean notComparable(Outcome o) {
        return o instanceof Outcome.Dump || o instanceof Outcome.NotModelled;
    }

    /** Equal outcomes; connections compare as multisets of (who, result, listener) in order of who. */
    static boolean same(Outcome a, Outcome b) {
        if (a instanceof Outcome.Connections ca && b instanceof Outcome.Connections cb) {
            return key(ca).equals(key(cb));
        }
        return a.equals(b);
    }

    private static List<String> key(Outcome.Connections c) {
        return c.conns().stream().map(x -> x.who() + " " + x.result() + " " + x.local().map(Object::toString).orElse("")
                + " " + x.listener().orElse("")).sorted().toList();
    }
}
