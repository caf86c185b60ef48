package org.reuselab.core.model.bind;

import java.util.Optional;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.sock.SimSocket;

/**
 * inet_csk_get_port() for an explicit port, and listen()'s re-check of a bound socket: the fast
 * path, else the owner walk with relax=1 and reuseport_ok=1; on success the flags are updated
 * and the socket becomes an owner.
 */
public final class PortClaim {

    private PortClaim() {
    }

    public static WalkResult claim(BindTable table, SimSocket s, int port, KernelProfile profile) {
        Optional<PortBucket> existing = table.bucket(port);
        boolean hadOwners = existing.isPresent() && existing.get().owners().anyMatch(o -> o != s);
        boolean anyOwner = existing.isPresent() && !existing.get().isEmpty();
        WalkResult result;
        boolean viaFastPath = false;
        if (!anyOwner) {
            result = WalkResult.fastPath(Rule.PORT_FREE);
        } else {
            Optional<Rule> fast = FastPath.skip(s, existing.get(), profile);
            if (fast.isPresent()) {
                result = WalkResult.fastPath(fast.get());
                viaFastPath = true;
            } else {
                result = OwnerWalk.check(s, existing.get(), true, true, profile);
                if (result.conflict()) {
                    return result;
                }
                if (!hadOwners) {
                    result = WalkResult.fastPath(Rule.NO_OTHER_OWNER);
                }
            }
        }
        PortBucket tb = table.getOrCreate(port);
        if (!viaFastPath || FastPath.updatesAfterFastPath(profile)) {
            FastPath.update(tb, s, profile, anyOwner);
        }
        if (!s.hashedInBindTable()) {
            table.hash(tb, s, port, profile);
        } else if (profile.releaseRecomputesConnectOnly()) {
            tb.find(s.rcvSaddr()).ifPresent(b -> b.flags().copyFrom(tb.flags()));
        }
        return result;
    }

    /**
     * After a port search found a port: no fast-path check (found_port), the flags are updated
     * and the socket hashed. Before 4.14 the bucket's fast flags were still consulted, and a
     * match skipped the update.
     */
    public static void claimFound(BindTable table, SimSocket s, int port, KernelProfile profile) {
        boolean anyOwner = table.bucket(port).map(b -> !b.isEmpty()).orElse(false);
        PortBucket tb = table.getOrCreate(port);
        boolean viaFastPath = anyOwner && !FastPath.updatesAfterFastPath(profile)
                && FastPath.skip(s, tb, profile).isPresent();
        if (!viaFastPath) {
            FastPath.update(tb, s, profile, anyOwner);
        }
        if (!s.hashedInBindTable()) {
            table.hash(tb, s, port, profile);
        }
    }
}
