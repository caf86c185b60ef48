package org.reuselab.core.kernel;

import java.util.List;

/** Everything wrong with a profile file, each as {@code file:line:col: error: ... at /pointer}. */
public final class ProfileFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public ProfileFileException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
