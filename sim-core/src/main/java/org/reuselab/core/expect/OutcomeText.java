package org.reuselab.core.expect;

import org.reuselab.core.trace.Outcome;

/** The short form of an outcome used in traces and expectation messages. */
public final class OutcomeText {

    private OutcomeText() {
    }

    /** {@code ok}, an errno name, or what the outcome is. */
    public static String brief(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Ok ok -> "ok";
            case Outcome.Failed f -> f.errno().name();
            case Outcome.Value v -> "ok";
            case Outcome.Info i -> "ok";
            case Outcome.Dump d -> "ok";
            case Outcome.NotModelled n -> "not modelled yet: " + n.op();
        };
    }

    /** The full form: {@code ok 0.0.0.0:1919}, {@code EADDRINUSE}, {@code ok value=1}. */
    public static String full(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Ok ok -> ok.local().map(l -> "ok " + l).orElse("ok");
            case Outcome.Failed f -> f.errno().name();
            case Outcome.Value v -> "ok value=" + v.value();
            case Outcome.Info i -> "ok " + i.state().name() + " local " + i.local()
                    + i.peer().map(p -> " peer " + p).orElse("");
            case Outcome.Dump d -> "ok (" + d.lines().size() + " lines)";
            case Outcome.NotModelled n -> "not modelled yet: " + n.op();
        };
    }
}
