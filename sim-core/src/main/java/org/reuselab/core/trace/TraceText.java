package org.reuselab.core.trace;

import org.reuselab.core.trace.OutcomeText;

/** The text form of a trace: a header, one line a step, dumps and explanations indented under it. */
public final class TraceText {

    private TraceText() {
    }

    public static String format(Trace t, boolean explain) {
        StringBuilder sb = new StringBuilder();
        sb.append("scenario ").append(t.scenario()).append(" (").append(t.file()).append(")\n");
        sb.append("host ").append(t.host()).append("  kernel ").append(t.kernel()).append("  seed ").append(t.seed())
                .append('\n');
        for (TraceEntry e : t.entries()) {
            entry(sb, e, explain);
        }
        if (explain) {
            ResetSummary.of(t).ifPresent(sb::append);
            t.cost().filter(c -> c.portChecks() > 0).ifPresent(c -> sb.append(c.text()).append('\n'));
        }
        sb.append("expectations: ").append(t.passedChecks()).append(" passed, ").append(t.failedChecks())
                .append(" failed\n");
        return sb.toString();
    }

    private static void entry(StringBuilder sb, TraceEntry e, boolean explain) {
        sb.append(String.format("%4s  %s -> %s", e.step() == 0 ? "set" : Integer.toString(e.step()), e.call(),
                OutcomeText.full(e.outcome())));
        for (CheckResult c : e.checks()) {
            sb.append(c.passed() ? "  [pass: " + c.expected() + "]"
                    : "  [FAIL: expected " + c.expected() + ", got " + c.actual() + "]");
        }
        sb.append('\n');
        if (e.outcome() instanceof Outcome.Dump d) {
            d.lines().forEach(l -> sb.append("        ").append(l).append('\n'));
        }
        java.util.Set<org.reuselab.core.model.Rule> eventRules = new java.util.LinkedHashSet<>();
        for (Event ev : e.events()) {
            sb.append("        ").append(ev.text());
            if (explain) {
                sb.append("  [").append(ev.rule().name()).append(']');
                eventRules.add(ev.rule());
            }
            sb.append('\n');
        }
        for (org.reuselab.core.model.Rule r : eventRules) {
            sb.append("        ").append(r.name()).append(": ").append(r.text()).append(" [").append(r.kernelSource())
                    .append("]\n");
        }
        boolean failed = e.failed();
        if ((explain || failed) && e.why().isPresent()) {
            Why w = e.why().get();
            sb.append("        why: ").append(w.rule().text()).append(" [").append(w.rule().kernelSource()).append(", ")
                    .append(w.rule().name()).append("]\n");
            w.against().ifPresent(a -> sb.append("        against: ").append(a).append('\n'));
        }
    }

    /** Only what went wrong: one line per failed expectation, with the rule that decided. */
    public static java.util.List<String> failures(Trace t) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (TraceEntry e : t.entries()) {
            for (CheckResult c : e.checks()) {
                if (!c.passed()) {
                    out.add(t.file() + ": step " + e.step() + " (" + e.call() + "): expected " + c.expected() + ", got "
                            + c.actual() + e.why().map(w -> " [" + w.rule().name() + ": " + w.rule().text() + "]")
                                    .orElse(""));
                }
            }
        }
        return out;
    }
}
