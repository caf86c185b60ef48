package org.reuselab.core.model.bind;

import java.util.Iterator;
import java.util.Optional;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.sock.BindOwner;
import org.reuselab.core.model.sock.SimSocket;

/**
 * The slow path: every owner of the port whose device and address can meet the socket's is
 * tested with the pairwise rule; the first conflict decides. 6.1+ splits this walk over the
 * wildcard and own-address bhash2 buckets (inet_bhash2_addr_any_conflict()), which by design
 * gives the same answer as this plain walk (the 6.1-6.9 regressions are fixed in every profile's
 * latest stable release).
 */
public final class OwnerWalk {

    private OwnerWalk() {
    }

    public static WalkResult check(SimSocket s, PortBucket tb, boolean relax, boolean reuseportOk,
            KernelProfile profile) {
        int walked = 0;
        OwnerVerdict firstShared = null;
        for (Iterator<BindOwner> it = tb.owners().iterator(); it.hasNext(); ) {
            BindOwner e = it.next();
            if (e == s) {
                continue;
            }
            walked++;
            if (!devicesMeet(s, e) || !AddressOverlap.overlap(s, e, true)) {
                continue;
            }
            OwnerVerdict v = PairRule.decide(s, e, relax, reuseportOk, profile);
            if (v.conflict()) {
                return new WalkResult(true, v.rule(), Optional.of(e), walked);
            }
            if (firstShared == null) {
                firstShared = v;
            }
        }
        if (firstShared == null) {
            return new WalkResult(false, Rule.NO_OVERLAP, Optional.empty(), walked);
        }
        return new WalkResult(false, firstShared.rule(), Optional.of(firstShared.owner()), walked);
    }

    /** Sockets bound to different devices never conflict (inet_bind_conflict(), first test). */
    static boolean devicesMeet(BindOwner s, BindOwner e) {
        return s.boundDevice().isEmpty() || e.boundDevice().isEmpty() || s.boundDevice().equals(e.boundDevice());
    }
}
