package org.reuselab.core.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The behaviours in which kernels differ, each with the type of its value. A profile names a value
 * for every feature; what each means, where in the kernel it comes from and how well that is
 * established is in {@code features.json} ({@link ProfileFeature}).
 */
public enum Feature {
    DEFAULT_LOCAL_PORT_RANGE("defaultLocalPortRange", String.class),
    DEFAULT_SOMAXCONN("defaultSomaxconn", Integer.class),
    UNPRIVILEGED_PORT_START_SYSCTL("unprivilegedPortStartSysctl", Boolean.class),
    BIND_ZERO_SEARCH("bindZeroSearch", BindZeroSearch.class),
    AUTOBIND_SMALLEST_SIZE_FALLBACK("autobindSmallestSizeFallback", Boolean.class),
    AUTOBIND_IGNORES_REUSEPORT("autobindIgnoresReuseport", Boolean.class),
    AUTOBIND_REUSE_SYSCTL("autobindReuseSysctl", Boolean.class),
    FAST_REUSEPORT_CACHE("fastReuseportCache", FastReuseportCache.class),
    FIRST_OWNER_BRANCH_REACHABLE("firstOwnerBranchReachable", Boolean.class),
    REUSEPORT_GROUP_BLOCKS_SHARING("reuseportGroupBlocksSharing", Boolean.class),
    CLOSED_GROUP_MEMBER_MAY_SHARE("closedGroupMemberMayShare", Boolean.class),
    RELEASE_RECOMPUTES_CONNECT_ONLY("releaseRecomputesConnectOnly", Boolean.class),
    ORPHAN_UID_IS_ROOT("orphanUidIsRoot", Boolean.class),
    LOCAL_PORT_RANGE_OPTION("localPortRangeOption", Boolean.class),
    BIND_ADDRESS_NO_PORT_OPTION("bindAddressNoPortOption", Boolean.class),
    LISTENER_LOOKUP("listenerLookup", ListenerLookup.class),
    REUSEPORT_GROUPS("reuseportGroups", Boolean.class),
    EHASH_FORM("ehashForm", EhashForm.class),
    CBPF_OUT_OF_RANGE_FALLS_BACK("cbpfOutOfRangeFallsBack", Boolean.class),
    REQUESTS_IN_EHASH("requestsInEhash", Boolean.class),
    SYN_DROPPED_WHEN_ACCEPT_QUEUE_FULL("synDroppedWhenAcceptQueueFull", Boolean.class),
    SYN_QUEUE_LIMIT("synQueueLimit", SynQueueLimit.class),
    LISTENER_MIGRATION("listenerMigration", Boolean.class),
    MIGRATE_REQ_SYSCTL("migrateReqSysctl", Boolean.class),
    CONNECT_PORT_SEARCH("connectPortSearch", ConnectPortSearch.class),
    DISCONNECT_KEEPS_ROLE("disconnectKeepsRole", Boolean.class);

    private final String key;
    private final Class<?> type;

    Feature(String key, Class<?> type) {
        this.key = key;
        this.type = type;
    }

    /** The name a profile file and a feature-keyed expectation use. */
    public String key() {
        return key;
    }

    public Class<?> type() {
        return type;
    }

    public static Optional<Feature> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Feature::key).toList();
    }

    /** The values a feature can have, as text; empty when any number or text is one. */
    public List<String> valueTexts() {
        if (type == Boolean.class) {
            return List.of("true", "false");
        }
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
        }
        return List.of();
    }

    /** Whether {@code value} is of this feature's type. */
    public boolean admits(Object value) {
        return type.isInstance(value);
    }

    /** The value a text names, or empty when it names none (see {@link #valueTexts()}). */
    public Optional<Object> parse(String text) {
        if (type == Boolean.class) {
            return text.equals("true") || text.equals("false") ? Optional.of(Boolean.valueOf(text)) : Optional.empty();
        }
        if (type == Integer.class) {
            try {
                return Optional.of(Integer.valueOf(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).filter(c -> String.valueOf(c).equals(text)).findFirst()
                    .map(Object.class::cast);
        }
        return Optional.of(text);
    }

    /** The text of a value, as {@link #parse} reads it. */
    public String text(Object value) {
        return String.valueOf(value);
    }
}
