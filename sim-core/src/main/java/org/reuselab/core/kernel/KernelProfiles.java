package org.reuselab.core.kernel;

import java.util.List;
import java.util.Optional;
import org.reuselab.core.model.hash.EhashFunction;

/**
 * The registry: one profile per long-term line from 3.10 to 6.12, and 6.18. Each differs from
 * its neighbours exactly where {@link ProfileFeature} says the kernel changed.
 */
public final class KernelProfiles {

    private static final List<KernelProfile> ALL = List.of(
            build("3.10"), build("4.4"), build("4.9"), build("4.14"), build("4.19"), build("5.4"),
            build("5.10"), build("5.15"), build("6.1"), build("6.6"), build("6.12"), build("6.18"));

    /**
     * Builds of a line that answer differently from the upstream line, found by detection (not by
     * their version string): same version, some features changed.
     */
    private static final List<KernelProfile> VARIANTS = List.of(roleKeepingBuild());

    private KernelProfiles() {
    }

    /** The named builds that differ from their line ({@link #VARIANTS}). */
    public static List<KernelProfile> variants() {
        return VARIANTS;
    }

    /** Every line and every variant. */
    public static List<KernelProfile> allNamed() {
        List<KernelProfile> out = new java.util.ArrayList<>(ALL);
        out.addAll(VARIANTS);
        return List.copyOf(out);
    }

    /** 6.18.44-fc-v1045: a disconnected socket keeps the role it had (observed, no upstream change). */
    private static KernelProfile roleKeepingBuild() {
        KernelProfile p = build("6.18");
        return new KernelProfile("6.18-fc-v1045", p.version(), p.defaultLocalPortRange(), p.defaultSomaxconn(),
                p.unprivilegedPortStartSysctl(), p.bindZeroSearch(), p.autobindSmallestSizeFallback(),
                p.autobindIgnoresReuseport(), p.autobindReuseSysctl(), p.fastReuseportCache(),
                p.firstOwnerBranchReachable(), p.reuseportGroupBlocksSharing(), p.closedGroupMemberMayShare(),
                p.releaseRecomputesConnectOnly(), p.orphanUidIsRoot(), p.localPortRangeOption(),
                p.bindAddressNoPortOption(), p.listenerLookup(), p.reuseportGroups(), p.ehashForm(),
                p.cbpfOutOfRangeFallsBack(), p.requestsInEhash(), p.synDroppedWhenAcceptQueueFull(),
                p.synQueueLimit(), p.listenerMigration(), p.connectPortSearch(), true);
    }

    /** Every profile, oldest first. */
    public static List<KernelProfile> all() {
        return ALL;
    }

    public static KernelProfile newest() {
        return ALL.get(ALL.size() - 1);
    }

    public static Optional<KernelProfile> byName(String name) {
        return allNamed().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Names, oldest first, then the variants. */
    public static List<String> names() {
        return allNamed().stream().map(KernelProfile::name).toList();
    }

    /**
     * The profile that models a running kernel: the newest profile whose line is not newer than
     * the release (a 6.17 kernel is modelled by 6.12), or the oldest for anything older.
     */
    public static KernelProfile forRelease(String release) {
        KernelVersion v = KernelVersion.parse(release);
        KernelProfile best = ALL.get(0);
        for (KernelProfile p : ALL) {
            if (p.version().compareTo(v) <= 0) {
                best = p;
            }
        }
        return best;
    }

    private static KernelProfile build(String name) {
        KernelVersion v = KernelVersion.parse(name);
        return new KernelProfile(
                name,
                v,
                v.atLeast(4, 2) ? "32768 60999" : "32768 61000",
                v.atLeast(5, 4) ? 4096 : 128,
                v.atLeast(4, 11),
                bindZeroSearch(v),
                !v.atLeast(4, 13),
                v.atLeast(4, 14),
                v.atLeast(5, 7),
                fastReuseportCache(v),
                !v.atLeast(6, 8),
                v.atLeast(4, 6),
                v.atLeast(5, 14),
                v.atLeast(6, 18),
                !v.atLeast(6, 17),
                v.atLeast(6, 1),
                v.atLeast(4, 2),
                listenerLookup(v),
                v.atLeast(4, 6),
                v.atLeast(6, 15) ? EhashFunction.Form.LPORT_ADDED : EhashFunction.Form.LPORT_IN_HASH,
                v.atLeast(4, 19),
                v.atLeast(4, 4),
                // 5ea8ea2cb7f1 (4.10) reached 4.4.y between 4.4.155 and 4.4.186.
                v.atLeast(4, 4),
                synQueueLimit(v),
                v.atLeast(5, 14),
                v.atLeast(4, 9) ? ConnectPortSearch.PERTURB
                        : v.atLeast(4, 2) ? ConnectPortSearch.HINT_EVEN_START : ConnectPortSearch.HINT_SEQUENTIAL,
                false);
    }

    private static ListenerLookup listenerLookup(KernelVersion v) {
        if (v.atLeast(5, 0)) {
            return ListenerLookup.ADDRESS_FIRST;
        }
        return v.atLeast(4, 16) ? ListenerLookup.PORT_CHAIN_OR_ADDRESS : ListenerLookup.PORT_CHAIN;
    }

    private static SynQueueLimit synQueueLimit(KernelVersion v) {
        if (!v.atLeast(4, 4)) {
            return SynQueueLimit.MAX_QLEN_LOG;
        }
        // 3479c7549fb1 (6.13) went to the stable lines in January 2025; 5.4.y on is assumed.
        return v.atLeast(5, 4) ? SynQueueLimit.BACKLOG_GT : SynQueueLimit.BACKLOG_GE;
    }

    private static BindZeroSearch bindZeroSearch(KernelVersion v) {
        if (v.atLeast(4, 6)) {
            return BindZeroSearch.ODD_FIRST;
        }
        return v.atLeast(4, 4) ? BindZeroSearch.SEQUENTIAL_HALVES : BindZeroSearch.SEQUENTIAL;
    }

    private static FastReuseportCache fastReuseportCache(KernelVersion v) {
        if (!v.atLeast(4, 14)) {
            return FastReuseportCache.UID_ONLY;
        }
        // 88d7fcfa3b1f is in 5.7 and was backported to 5.4.44 and 4.19.126, not to 4.14.y.
        return v.atLeast(4, 19) ? FastReuseportCache.STRICT_CACHED_WILDCARD
                : FastReuseportCache.STRICT_EITHER_WILDCARD;
    }
}
