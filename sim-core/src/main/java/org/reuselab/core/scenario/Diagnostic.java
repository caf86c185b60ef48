package org.reuselab.core.scenario;

import java.util.Optional;

/**
 * One error in a scenario file, in the style of a compiler: where it is (file, 1-based line and
 * column, JSON pointer), what is wrong, and optionally how to fix it.
 */
public record Diagnostic(String file, int line, int column, String message, String pointer, Optional<String> hint) {

    public Diagnostic {
        pointer = pointer == null || pointer.isEmpty() ? "/" : pointer;
        hint = hint == null ? Optional.empty() : hint;
    }

    /** {@code FILE:LINE:COL: error: MESSAGE at POINTER}, then {@code   hint: HINT} if there is one. */
    public String format() {
        String first = file + ":" + line + ":" + column + ": error: " + message + " at " + pointer;
        return hint.map(h -> first + "\n  hint: " + h).orElse(first);
    }
}
