package org.reuselab.probe.vm;

/**
 * A guest kernel cannot be booted here: a tool or package is missing, a download failed, qemu
 * would not start. The message is one line for a person and says what to install or do.
 */
public final class VmUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VmUnavailableException(String message) {
        super(message);
    }

    public VmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
