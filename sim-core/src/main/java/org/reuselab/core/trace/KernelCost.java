package org.reuselab.core.trace;

/**
 * What the modelled kernel's own algorithms would have done in a run: port checks made by bind(),
 * listen() and connect() (inet_csk_get_port() and friends) and how many bind-bucket owners they
 * walked. The fast path walks none; where it no longer fires (6.8+ for SO_REUSEADDR sockets that
 * share a port) every check walks every owner, which is the cost a user of many sockets pays.
 */
public record KernelCost(long portChecks, long ownersWalked, long mostOwnersWalked) {

    public static final KernelCost NONE = new KernelCost(0, 0, 0);

    public double ownersPerCheck() {
        return portChecks == 0 ? 0 : (double) ownersWalked / portChecks;
    }

    public String text() {
        return String.format(java.util.Locale.ROOT,
                "kernel cost: %d port check(s), %d bind-bucket owner(s) walked (%.1f per check, at most %d)",
                portChecks, ownersWalked, ownersPerCheck(), mostOwnersWalked);
    }
}
