package org.reuselab.core.scenario;

import java.util.List;
import java.util.OptionalInt;

/**
 * What a step's {@code expect} may hold: a call result ("ok"/errno) or not, which check keys, and
 * which outcome words ({@code "established"}, {@code "reset"}, {@code "no-reply"}) stand for all
 * of the step's {@code connections} (for a single connect, {@code single}: the call's "ok"), as in
 * the format's {@code {"<5.14": "reset", ">=5.14": "established"}}.
 */
record ExpectRules(String what, boolean callResult, List<String> checks, List<String> outcomes,
        OptionalInt connections, boolean single) {

    ExpectRules {
        checks = List.copyOf(checks);
        outcomes = List.copyOf(outcomes);
    }

    /** @param connections how many connections the step makes (handshake ports, connect count) */
    static ExpectRules of(OpSpec spec, boolean counted, OptionalInt connections) {
        return switch (spec.op()) {
            case "handshake" -> new ExpectRules(spec.what(), false, spec.checks(),
                    List.of("established", "reset", "no-reply"), connections, false);
            case "connect" -> counted
                    ? new ExpectRules("a connect step with \"count\"", true, OpSpec.COUNTED, List.of("established"),
                            connections, false)
                    : new ExpectRules(spec.what(), true, spec.checks(), List.of("established"), OptionalInt.of(1),
                            true);
            default -> new ExpectRules(spec.what(), spec.call(), spec.checks(), List.of(), OptionalInt.empty(), false);
        };
    }

    /** "a bind step can check: port", or how to expect something of a step with no checks. */
    String checksHint() {
        List<String> quoted = outcomes.stream().map(Values::quote).toList();
        String words = quoted.isEmpty() ? "" : "; or expect " + (quoted.size() == 1 ? quoted.getFirst()
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.getLast())
                + (single ? "" : " for every connection");
        if (checks.isEmpty()) {
            return what + " has no checks; " + (callResult ? "expect \"ok\" or an errno name" : "it takes no expect");
        }
        return what + " can check: " + String.join(", ", checks) + words;
    }
}
