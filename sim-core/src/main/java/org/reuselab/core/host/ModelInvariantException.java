package org.reuselab.core.host;

/** The model broke one of its own invariants: a bug in reuselab, never the user's input. */
public final class ModelInvariantException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ModelInvariantException(String message) {
        super("model invariant broken " + message);
    }
}
