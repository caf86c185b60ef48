package org.reuselab.core.kernel;

/**
 * One kernel line as data: one component per behavioural difference the model knows. Each
 * component's meaning, kernel source and evidence are documented once, in {@link ProfileFeature}.
 * Rules read the profile where they decide; there is no subclass per version.
 */
public record KernelProfile(
        String name,
        KernelVersion version,
        String defaultLocalPortRange,
        int defaultSomaxconn,
        boolean unprivilegedPortStartSysctl,
        BindZeroSearch bindZeroSearch,
        boolean autobindSmallestSizeFallback,
        boolean autobindIgnoresReuseport,
        boolean autobindReuseSysctl,
        FastReuseportCache fastReuseportCache,
        boolean firstOwnerBranchReachable,
        boolean reuseportGroupBlocksSharing,
        boolean closedGroupMemberMayShare,
        boolean releaseRecomputesConnectOnly,
        boolean orphanUidIsRoot,
        boolean localPortRangeOption,
        boolean bindAddressNoPortOption,
        ListenerLookup listenerLookup,
        boolean reuseportGroups,
        org.reuselab.core.model.hash.EhashFunction.Form ehashForm,
        boolean cbpfOutOfRangeFallsBack,
        boolean requestsInEhash,
        boolean synDroppedWhenAcceptQueueFull,
        SynQueueLimit synQueueLimit,
        boolean listenerMigration,
        ConnectPortSearch connectPortSearch) {

    public KernelProfile {
        if (name == null || version == null) {
            throw new IllegalArgumentException("profile needs a name and a version");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
