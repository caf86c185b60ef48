package org.reuselab.core.kernel;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One kernel (a line, a vendor's build, a user's file) as data: a name, a version and a value for
 * every {@link Feature}. Profiles are read from files ({@link ProfileFiles}); rules read the
 * profile where they decide, and there is no subclass per version.
 */
public final class KernelProfile {

    private final String name;
    private final KernelVersion version;
    private final EnumMap<Feature, Object> values;

    /** @throws IllegalArgumentException when a feature is missing or has a value of another type */
    public KernelProfile(String name, KernelVersion version, Map<Feature, Object> values) {
        if (name == null || name.isBlank() || version == null) {
            throw new IllegalArgumentException("profile needs a name and a version");
        }
        this.name = name;
        this.version = version;
        this.values = new EnumMap<>(Feature.class);
        for (Feature f : Feature.values()) {
            Object v = values.get(f);
            if (v == null || !f.admits(v)) {
                throw new IllegalArgumentException("profile " + name + ": feature " + f.key() + " needs a "
                        + f.type().getSimpleName() + ", got " + v);
            }
            this.values.put(f, v);
        }
    }

    public String name() {
        return name;
    }

    public KernelVersion version() {
        return version;
    }

    public Object value(Feature f) {
        return values.get(f);
    }

    /** The value as a profile file writes it. */
    public String valueText(Feature f) {
        return f.text(values.get(f));
    }

    /** This profile under another name with one feature changed. */
    public KernelProfile with(String newName, Feature f, Object value) {
        EnumMap<Feature, Object> copy = new EnumMap<>(values);
        copy.put(f, value);
        return new KernelProfile(newName, version, copy);
    }

    /** This profile under another name. */
    public KernelProfile renamed(String newName) {
        return new KernelProfile(newName, version, values);
    }

    /** Whether the two name the same value for every feature (names and versions aside). */
    public boolean sameFeatures(KernelProfile other) {
        return values.equals(other.values);
    }

    public String defaultLocalPortRange() {
        return (String) values.get(Feature.DEFAULT_LOCAL_PORT_RANGE);
    }

    public int defaultSomaxconn() {
        return (Integer) values.get(Feature.DEFAULT_SOMAXCONN);
    }

    public boolean unprivilegedPortStartSysctl() {
        return flag(Feature.UNPRIVILEGED_PORT_START_SYSCTL);
    }

    public BindZeroSearch bindZeroSearch() {
        return (BindZeroSearch) values.get(Feature.BIND_ZERO_SEARCH);
    }

    public boolean autobindSmallestSizeFallback() {
        return flag(Feature.AUTOBIND_SMALLEST_SIZE_FALLBACK);
    }

    public boolean autobindIgnoresReuseport() {
        return flag(Feature.AUTOBIND_IGNORES_REUSEPORT);
    }

    public boolean autobindReuseSysctl() {
        return flag(Feature.AUTOBIND_REUSE_SYSCTL);
    }

    public FastReuseportCache fastReuseportCache() {
        return (FastReuseportCache) values.get(Feature.FAST_REUSEPORT_CACHE);
    }

    public boolean firstOwnerBranchReachable() {
        return flag(Feature.FIRST_OWNER_BRANCH_REACHABLE);
    }

    public boolean reuseportGroupBlocksSharing() {
        return flag(Feature.REUSEPORT_GROUP_BLOCKS_SHARING);
    }

    public boolean closedGroupMemberMayShare() {
        return flag(Feature.CLOSED_GROUP_MEMBER_MAY_SHARE);
    }

    public boolean releaseRecomputesConnectOnly() {
        return flag(Feature.RELEASE_RECOMPUTES_CONNECT_ONLY);
    }

    public boolean orphanUidIsRoot() {
        return flag(Feature.ORPHAN_UID_IS_ROOT);
    }

    public boolean localPortRangeOption() {
        return flag(Feature.LOCAL_PORT_RANGE_OPTION);
    }

    public boolean bindAddressNoPortOption() {
        return flag(Feature.BIND_ADDRESS_NO_PORT_OPTION);
    }

    public ListenerLookup listenerLookup() {
        return (ListenerLookup) values.get(Feature.LISTENER_LOOKUP);
    }

    public boolean reuseportGroups() {
        return flag(Feature.REUSEPORT_GROUPS);
    }

    public EhashForm ehashForm() {
        return (EhashForm) values.get(Feature.EHASH_FORM);
    }

    public boolean cbpfOutOfRangeFallsBack() {
        return flag(Feature.CBPF_OUT_OF_RANGE_FALLS_BACK);
    }

    public boolean requestsInEhash() {
        return flag(Feature.REQUESTS_IN_EHASH);
    }

    public boolean synDroppedWhenAcceptQueueFull() {
        return flag(Feature.SYN_DROPPED_WHEN_ACCEPT_QUEUE_FULL);
    }

    public SynQueueLimit synQueueLimit() {
        return (SynQueueLimit) values.get(Feature.SYN_QUEUE_LIMIT);
    }

    public boolean listenerMigration() {
        return flag(Feature.LISTENER_MIGRATION);
    }

    public boolean migrateReqSysctl() {
        return flag(Feature.MIGRATE_REQ_SYSCTL);
    }

    public ConnectPortSearch connectPortSearch() {
        return (ConnectPortSearch) values.get(Feature.CONNECT_PORT_SEARCH);
    }

    public boolean disconnectKeepsRole() {
        return flag(Feature.DISCONNECT_KEEPS_ROLE);
    }

    private boolean flag(Feature f) {
        return (Boolean) values.get(f);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KernelProfile p && p.name.equals(name) && p.version.equals(version)
                && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, values);
    }

    @Override
    public String toString() {
        return name;
    }
}
