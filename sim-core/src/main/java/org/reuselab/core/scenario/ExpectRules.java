package org.reuselab.core.scenario;

import java.util.List;

/** What a step's {@code expect} may hold: a call result ("ok"/errno) or not, and which check keys. */
record ExpectRules(String what, boolean callResult, List<String> checks) {

    ExpectRules {
        checks = List.copyOf(checks);
    }

    /** The rules of a step; a connect with {@code count} checks like a handshake. */
    static ExpectRules of(OpSpec spec, boolean counted) {
        String what = counted ? "a connect step with \"count\"" : spec.what();
        return new ExpectRules(what, spec.call(), counted ? OpSpec.COUNTED : spec.checks());
    }

    /** "a bind step can check: port", or how to expect something of a step with no checks. */
    String checksHint() {
        if (checks.isEmpty()) {
            return what + " has no checks; " + (callResult ? "expect \"ok\" or an errno name" : "it takes no expect");
        }
        return what + " can check: " + String.join(", ", checks);
    }
}
