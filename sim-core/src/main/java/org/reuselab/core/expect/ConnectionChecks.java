package org.reuselab.core.expect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.reuselab.core.scenario.CountRange;
import org.reuselab.core.scenario.Expectation;
import org.reuselab.core.trace.CheckResult;
import org.reuselab.core.trace.Outcome;

/** Expectations over many connections: established / reset counts, counts per listener, spread. */
final class ConnectionChecks {

    /** The p-value below which a spread is not uniform. */
    static final double SPREAD_P = 0.001;

    private ConnectionChecks() {
    }

    static boolean established(Outcome.Conn c) {
        return c.result().equals(Outcome.Conn.ESTABLISHED);
    }

    static boolean reset(Outcome.Conn c) {
        return c.result().equals(Outcome.Conn.RESET) || c.result().equals("ECONNREFUSED")
                || c.result().equals("ECONNRESET");
    }

    static CheckResult count(String expected, CountRange want, Outcome outcome, Predicate<Outcome.Conn> which) {
        if (!(outcome instanceof Outcome.Connections cs)) {
            return new CheckResult(expected, false, OutcomeText.brief(outcome));
        }
        int n = (int) cs.conns().stream().filter(which).count();
        return new CheckResult(expected, want.admits(n), OutcomeText.connections(cs));
    }

    static CheckResult by(Expectation.ByCheck b, Outcome outcome) {
        String expected = "by " + b.perListener();
        if (!(outcome instanceof Outcome.Connections cs)) {
            return new CheckResult(expected, false, OutcomeText.brief(outcome));
        }
        Map<String, Integer> got = perListener(cs);
        boolean pass = b.perListener().entrySet().stream()
                .allMatch(e -> e.getValue().admits(got.getOrDefault(e.getKey(), 0)));
        return new CheckResult(expected, pass, "by " + got);
    }

    /**
     * A chi-square test at p > 0.001 that every member got a share consistent with 1/n; the members
     * are {@code among}, else the reuseport group of the listeners that received connections.
     */
    static CheckResult spread(Expectation.SpreadCheck s, Outcome outcome, HostView host) {
        String expected = "spread uniform" + (s.among().isEmpty() ? "" : " among " + s.among());
        if (!(outcome instanceof Outcome.Connections cs)) {
            return new CheckResult(expected, false, OutcomeText.brief(outcome));
        }
        Map<String, Integer> got = perListener(cs);
        List<String> members = s.among().isEmpty() ? groupOf(got, host) : s.among();
        int[] counts = members.stream().mapToInt(m -> got.getOrDefault(m, 0)).toArray();
        double p = ChiSquare.uniformPValue(counts);
        String actual = String.format(java.util.Locale.ROOT, "%s over %s, p=%.4f", java.util.Arrays.toString(counts),
                members, p);
        return new CheckResult(expected, members.size() > 1 && p > SPREAD_P, actual);
    }

    private static List<String> groupOf(Map<String, Integer> got, HostView host) {
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

    private static Map<String, Integer> perListener(Outcome.Connections cs) {
        Map<String, Integer> got = new LinkedHashMap<>();
        cs.conns().stream().filter(ConnectionChecks::established)
                .forEach(c -> c.listener().ifPresent(l -> got.merge(l, 1, Integer::sum)));
        return new java.util.TreeMap<>(got);
    }
}
