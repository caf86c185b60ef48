package org.reuselab.probe;

/** The probe could not do what a step asks of the real kernel (set-up failed, unexpected errno). */
public final class ProbeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProbeException(String message) {
        super(message);
    }

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}
