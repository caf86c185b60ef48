package org.reuselab.core.model.bind;

import java.util.Optional;
import org.reuselab.core.kernel.FastReuseportCache;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.TcpState;

/**
 * The bind bucket's fast path: cached flags that let an explicit bind skip the owner walk, and
 * how they are updated (inet_csk_get_port(), sk_reuseport_match(), inet_csk_update_fastreuse()).
 * The cache can go stale: it is not recomputed when an owner changes its options or leaves.
 */
public final class FastPath {

    private FastPath() {
    }

    /** The rule that lets a socket skip the owner walk on a bucket that has owners, if any. */
    static Optional<Rule> skip(SimSocket s, PortBucket tb, KernelProfile profile) {
        if (s.skReuse() == 2) {
            return Optional.of(Rule.FORCE_REUSE);
        }
        if (tb.flags().fastreuse > 0 && s.skReuse() != 0 && s.state() != TcpState.LISTEN) {
            return Optional.of(Rule.FAST_PATH_REUSEADDR);
        }
        if (reuseportMatch(tb.flags(), s, profile)) {
            return Optional.of(Rule.FAST_PATH_REUSEPORT);
        }
        return Optional.empty();
    }

    /** sk_reuseport_match() (4.14+), or the uid-only test of older kernels. */
    static boolean reuseportMatch(FastFlags f, SimSocket s, KernelProfile profile) {
        if (f.fastreuseport <= 0 || !s.reusePort()) {
            return false;
        }
        if (profile.reuseportGroupBlocksSharing() && s.reuseportGroup() != null) {
            return false;
        }
        if (s.uid() != f.fastUid) {
            return false;
        }
        return switch (profile.fastReuseportCache()) {
            case UID_ONLY -> true;
            case STRICT_EITHER_WILDCARD -> f.fastreuseport == FastFlags.ANY || cachedAddressCovers(f, s, true);
            case STRICT_CACHED_WILDCARD -> f.fastreuseport == FastFlags.ANY || cachedAddressCovers(f, s, false);
        };
    }

    /**
     * The STRICT address test: the cached address may be a wildcard; since 88d7fcfa3b1f the
     * newcomer's may not ({@code newcomerWildcard} false).
     */
    private static boolean cachedAddressCovers(FastFlags f, SimSocket s, boolean newcomerWildcard) {
        int cachedV4 = f.fastAddr.isV4Like() ? f.fastAddr.v4bits() : (f.fastAddr.isAny() ? 0 : 0x7f000006);
        if (f.fastFamily == Family.IPV6) {
            return AddressOverlap.ipv6Equal(f.fastAddr, s.family() == Family.IPV6 ? s.rcvSaddr() : null, cachedV4,
                    s.v4RcvSaddr(), f.fastIpv6only, s.ipv6only(), true, newcomerWildcard);
        }
        return AddressOverlap.ipv4Equal(cachedV4, s.v4RcvSaddr(), s.ipv6only(), true, newcomerWildcard);
    }

    /**
     * Whether the flags are updated after a fast-path success: from 4.14 the update runs on every
     * success; before, only after the slow path (so a fast-path joiner never clears a flag).
     */
    static boolean updatesAfterFastPath(KernelProfile profile) {
        return profile.fastReuseportCache() != FastReuseportCache.UID_ONLY;
    }

    /** inet_csk_update_fastreuse(): {@code hadOwners} says whether the bucket had owners before. */
    static void update(PortBucket tb, SimSocket s, KernelProfile profile, boolean hadOwners) {
        FastFlags f = tb.flags();
        boolean reuse = s.skReuse() != 0 && s.state() != TcpState.LISTEN;
        // 6.8+ links the address bucket into the port bucket before this runs, so the
        // empty-bucket branch is never taken there (8002d44fe84d + 822fb91fc724).
        boolean emptyBranch = !hadOwners && profile.firstOwnerBranchReachable();
        if (emptyBranch) {
            f.fastreuse = reuse ? 1 : 0;
            if (s.reusePort()) {
                record(f, s, FastFlags.ANY);
            } else {
                f.fastreuseport = 0;
            }
            return;
        }
        if (!reuse) {
            f.fastreuse = 0;
        }
        if (profile.fastReuseportCache() == FastReuseportCache.UID_ONLY) {
            if (f.fastreuseport != 0 && (!s.reusePort() || s.uid() != f.fastUid)) {
                f.fastreuseport = 0;
            }
        } else if (!s.reusePort()) {
            f.fastreuseport = 0;
        } else if (!reuseportMatch(f, s, profile)) {
            record(f, s, FastFlags.STRICT);
        }
    }

    private static void record(FastFlags f, SimSocket s, int mode) {
        f.fastreuseport = mode;
        f.fastUid = s.uid();
        f.fastFamily = s.family();
        f.fastAddr = s.rcvSaddr();
        f.fastIpv6only = s.ipv6only();
    }
}
