package org.reuselab.core.scenario;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The spelling of socket names: what a step may define, and what a step may refer to. */
final class Names {

    /** Names an author picks (socket, connect, accept's "as"). */
    static final Pattern DEFINABLE = Pattern.compile("[A-Za-z0-9_-]+");
    /** Names a step may refer to: an author's name or an accepted child {@code listener.n}. */
    static final Pattern REFERABLE = Pattern.compile("([A-Za-z0-9_-]+)(?:\\.([1-9][0-9]*))?");

    static final String SPELLING = "socket names use letters, digits, '_' and '-'";
    static final String CHILD_SPELLING = SPELLING + "; an accepted child is <listener>.<n>, e.g. \"srv.1\"";

    private Names() {
    }

    static boolean definable(String name) {
        return DEFINABLE.matcher(name).matches();
    }

    static boolean referable(String name) {
        return REFERABLE.matcher(name).matches();
    }

    /** For {@code srv.3}, the listener {@code srv}. */
    static Optional<String> listenerOf(String name) {
        Matcher m = REFERABLE.matcher(name);
        return m.matches() && m.group(2) != null ? Optional.of(m.group(1)) : Optional.empty();
    }
}
