package org.reuselab.probe;

/** This machine cannot run scenarios on its kernel (no root, no network namespaces, no TUN, no iproute2). */
public final class ProbeUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProbeUnavailableException(String reason) {
        super(reason);
    }
}
