package org.reuselab.core.host;

import org.reuselab.core.trace.KernelCost;

/** Adds up the kernel's work in a run: port checks and the bind-bucket owners each one walked. */
final class CostMeter {

    private long portChecks;
    private long ownersWalked;
    private long most;

    void portCheck(int owners) {
        portChecks++;
        ownersWalked += owners;
        most = Math.max(most, owners);
    }

    KernelCost total() {
        return new KernelCost(portChecks, ownersWalked, most);
    }
}
