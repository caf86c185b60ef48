package org.reuselab.core.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.reuselab.core.scenario.CountRange;
import org.reuselab.core.scenario.Expectation;
import org.reuselab.core.trace.CheckResult;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.OutcomeText;

/** Expectations over many connections: established / reset counts, counts per listener, spread. */
final class ConnectionChecks {

    /** The p-value below which a spread is not uniform. */
    static final double SPREAD_P = 0.001;

    private ConnectionChecks() {
    }

    static boolean established(String result) {
        return result.equals(Outcome.Conn.ESTABLISHED);
    }

    static boolean reset(String result) {
        return result.equals(Outcome.Conn.RESET) || result.equals("ECONNREFUSED") || result.equals("ECONNRESET");
    }

    /** Per-connection results and counted ones alike, as a tally. */
    static Optional<Outcome.Tally> tally(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Tally t -> Optional.of(t);
            case Outcome.Connections cs -> Optional.of(Outcome.Tally.of(cs));
            default -> Optional.empty();
        };
    }

    static CheckResult count(String expected, CountRange want, Outcome outcome, Predicate<String> which) {
        Optional<Outcome.Tally> t = tally(outcome);
        if (t.isEmpty()) {
            return new CheckResult(expected, false, OutcomeText.brief(outcome));
        }
        long n = t.get().results().entrySet().stream().filter(e -> which.test(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        return new CheckResult(expected, want.admits(n), OutcomeText.full(outcome));
    }

    static CheckResult by(Expectation.ByCheck b, Outcome outcome) {
        String expected = "by " + b.perListener();
        Optional<Outcome.Tally> t = tally(outcome);
        if (t.isEmpty()) {
            return new CheckResult(expected, false, OutcomeText.brief(outcome));
        }
        Map<String, Long> got = t.get().byListener();
        boolean pass = b.perListener().entrySet().stream()
                .allMatch(e -> e.getValue().admits(got.getOrDefault(e.getKey(), 0L)));
        return new CheckResult(expected, pass, "by " + got);
    }

    /**
     * A chi-square test at p > 0.001 that every member got a share consistent with 1/n; the members
     * are {@code among}, else the reuseport group of the listeners that received connections.
     */
    static CheckResult spread(Expectation.SpreadCheck s, Outcome outcome, HostView host) {
        String expected = "spread uniform" + (s.among().isEmpty() ? "" : " among " + s.among());
        Optional<Outcome.Tally> t = tally(outcome);
        if (t.isEmpty()) {
            return new CheckResult(expected, false, OutcomeText.brief(outcome));
        }
        Map<String, Long> got = t.get().byListener();
        List<String> members = s.among().isEmpty() ? groupOf(got, host) : s.among();
        long[] counts = members.stream().mapToLong(m -> got.getOrDefault(m, 0L)).toArray();
        double p = ChiSquare.uniformPValue(counts);
        String actual = String.format(java.util.Locale.ROOT, "%s over %s, p=%.4f", java.util.Arrays.toString(counts),
                members, p);
        return new CheckResult(expected, members.size() > 1 && p > SPREAD_P, actual);
    }

    private static List<String> groupOf(Map<String, Long> got, HostView host) {
        List<String> members = new ArrayList<>();
        for (String l : got.keySet()) {
            for (String m : host.groupOf(l)) {
                if (!members.contains(m)) {
                    members.add(m);
                }
            }
        }
        return members;
    }
}
