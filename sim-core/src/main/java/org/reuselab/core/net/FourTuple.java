package org.reuselab.core.net;

/** A connection's identity as the kernel's established hash sees it. */
public record FourTuple(Endpoint local, Endpoint remote) {

    public FourTuple {
        if (local == null || remote == null) {
            throw new IllegalArgumentException("four-tuple needs both ends: " + local + " " + remote);
        }
    }

    @Override
    public String toString() {
        return local + " <- " + remote;
    }
}
