package org.reuselab.core.kernel;

import java.lang.reflect.RecordComponent;

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
        ConnectPortSearch connectPortSearch,
        boolean disconnectKeepsRole) {

    public KernelProfile {
        if (name == null || version == null) {
            throw new IllegalArgumentException("profile needs a name and a version");
        }
    }

    /**
     * This profile under another name with one feature changed ({@code feature} is a component
     * name, see {@link ProfileFeature}); used to try each value of a feature against a kernel.
     */
    public KernelProfile with(String newName, String feature, Object value) {
        RecordComponent[] components = KernelProfile.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                String c = components[i].getName();
                types[i] = components[i].getType();
                found |= c.equals(feature);
                args[i] = c.equals("name") ? newName : c.equals(feature) ? value : components[i].getAccessor().invoke(this);
            }
            if (!found) {
                throw new IllegalArgumentException("no profile feature " + feature);
            }
            return KernelProfile.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy profile " + name, e);
        }
    }

    /** This profile under another name. */
    public KernelProfile renamed(String newName) {
        return with(newName, "name", newName);
    }

    @Override
    public String toString() {
        return name;
    }
}
