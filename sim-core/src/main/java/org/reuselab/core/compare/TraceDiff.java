package org.reuselab.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.OutcomeText;
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
        return diff(real, sim, known, java.util.Set.of());
    }

    /** {@code guessed}: steps where the model guessed a draw the real trace did not reveal. */
    public static List<StepComparison> diff(Trace real, Trace sim, KnownDifferences known,
            java.util.Set<Integer> guessed) {
        List<StepComparison> out = new ArrayList<>();
        int n = Math.min(real.entries().size(), sim.entries().size());
        for (int i = 0; i < n; i++) {
            out.add(compare(real.entries().get(i), sim.entries().get(i), sim, known, guessed));
        }
        return out;
    }

    private static StepComparison compare(TraceEntry r, TraceEntry s, Trace sim, KnownDifferences known,
            java.util.Set<Integer> guessed) {
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
            v = guessed.contains(s.step()) ? StepComparison.Verdict.UNDETERMINED : StepComparison.Verdict.DIVERGE;
        }
        return new StepComparison(s.step(), s.call(), v, realText, simText, rule, Optional.empty());
    }

    private static boolean notComparable(Outcome o) {
        return o instanceof Outcome.Dump || o instanceof Outcome.NotModelled;
    }

    /**
     * Equal outcomes. Connections compare one by one in order of who: result and local address
     * always, the listener only where the real host could tell which one queued it.
     */
    static boolean same(Outcome real, Outcome sim) {
        if (real instanceof Outcome.Connections cr && sim instanceof Outcome.Connections cs) {
            List<Outcome.Conn> r = sorted(cr);
            List<Outcome.Conn> s = sorted(cs);
            if (r.size() != s.size()) {
                return false;
            }
            for (int i = 0; i < r.size(); i++) {
                Outcome.Conn a = r.get(i);
                Outcome.Conn b = s.get(i);
                boolean listenerOk = a.listener().isEmpty() || a.listener().equals(b.listener());
                if (!a.who().equals(b.who()) || !a.result().equals(b.result()) || !a.local().equals(b.local())
                        || !listenerOk) {
                    return false;
                }
            }
            return true;
        }
        return real.equals(sim);
    }

    private static List<Outcome.Conn> sorted(Outcome.Connections c) {
        return c.conns().stream().sorted(java.util.Comparator.comparing(Outcome.Conn::who)).toList();
    }
}
