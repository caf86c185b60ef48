package org.reuselab.core.model.bind;

import java.util.Optional;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.sock.BindOwner;
import org.reuselab.core.model.sock.SimSocket;

/**
 * The slow path: every owner of the port whose device and address can meet the socket's is
 * tested with the pairwise rule; the first conflict in the kernel's order decides (address
 * buckets newest first, owners newest first). 6.1+ splits this walk over the wildcard and
 * own-address bhash2 buckets (inet_bhash2_addr_any_conflict()), which by design gives the same
 * answer (the 6.1-6.9 regressions are fixed in every profile's latest stable release).
 *
 * <p>Owners of one class ({@link OwnerClass}) get the same answer, so one owner per class is
 * tested: the newest, which is the one the kernel meets first. {@code ownersWalked} is what the
 * kernel walks: every owner when nothing conflicts, at most every owner up to the conflict's bucket
 * otherwise.
 */
public final class OwnerWalk {

    private OwnerWalk() {
    }

    public static WalkResult check(SimSocket s, PortBucket tb, boolean relax, boolean reuseportOk,
            KernelProfile profile) {
        int walked = 0;
        OwnerVerdict firstShared = null;
        for (AddrBucket b : tb.addrBuckets()) {
            OwnerVerdict conflict = null;
            long conflictSeq = -1;
            OwnerVerdict shared = null;
            long sharedSeq = -1;
            OwnerClassList own = b.classOf(s);
            for (OwnerClassList cls : b.classes()) {
                OwnerNode rep = cls.newestOther(s);
                walked += cls.size() - (cls == own ? 1 : 0);
                if (rep == null) {
                    continue;
                }
                BindOwner e = rep.owner;
                if (!devicesMeet(s, e) || !AddressOverlap.overlap(s, e, true)) {
                    continue;
                }
                OwnerVerdict v = PairRule.decide(s, e, relax, reuseportOk, profile);
                if (v.conflict() && rep.seq > conflictSeq) {
                    conflict = v;
                    conflictSeq = rep.seq;
                } else if (!v.conflict() && rep.seq > sharedSeq) {
                    shared = v;
                    sharedSeq = rep.seq;
                }
            }
            if (conflict != null) {
                return new WalkResult(true, conflict.rule(), Optional.of(conflict.owner()), walked);
            }
            if (firstShared == null) {
                firstShared = shared;
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
