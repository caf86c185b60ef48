package org.reuselab.core.host;

import org.reuselab.core.scenario.json.SourcePos;

/** A scenario that is valid on paper but asks for something impossible when it runs (a user error). */
public final class ScenarioRuntimeException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient SourcePos pos;

    public ScenarioRuntimeException(SourcePos pos, String message) {
        super(message);
        this.pos = pos;
    }

    public SourcePos pos() {
        return pos;
    }
}
