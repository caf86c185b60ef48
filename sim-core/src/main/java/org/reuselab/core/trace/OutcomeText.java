package org.reuselab.core.trace;

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
            case Outcome.Connections c -> "ok";
            case Outcome.Tally t -> "ok";
            case Outcome.Replies r -> "ok";
            case Outcome.Accepted a -> "ok";
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
            case Outcome.Connections c -> tally(Outcome.Tally.of(c));
            case Outcome.Tally t -> tally(t);
            case Outcome.Replies r -> "replies " + r.flags();
            case Outcome.Accepted a -> "ok " + String.join(", ", a.children().stream()
                    .map(ch -> ch.name() + " from " + ch.peer()).toList());
            case Outcome.NotModelled n -> "not modelled yet: " + n.op();
        };
    }

    /** {@code 30 connections: 30 established (serv1 9, serv2 11, serv3 10)}. */
    static String tally(Outcome.Tally t) {
        StringBuilder sb = new StringBuilder(t.total() + " connections:");
        t.results().forEach((k, v) -> sb.append(' ').append(v).append(' ').append(k).append(','));
        sb.setLength(sb.length() - 1);
        if (!t.byListener().isEmpty()) {
            sb.append(" (by ");
            t.byListener().forEach((k, v) -> sb.append(k).append(' ').append(v).append(", "));
            sb.setLength(sb.length() - 2);
            sb.append(')');
        }
        return sb.toString();
    }
}
