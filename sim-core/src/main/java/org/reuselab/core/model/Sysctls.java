package org.reuselab.core.model;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.SysctlKey;
import org.reuselab.core.net.Errno;

/**
 * The per-namespace sysctls the model reads, with the kernel's validation of writes (the proc
 * handlers' ranges, ipv4_local_port_range() and ipv4_privileged_ports()).
 */
public final class Sysctls {

    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private final KernelProfile profile;
    private final Map<SysctlKey, String> values = new EnumMap<>(SysctlKey.class);
    private BitSet reserved = new BitSet();
    private final int[] ints = new int[SysctlKey.values().length];
    private final boolean[] intKnown = new boolean[SysctlKey.values().length];
    /** ip_local_port_range as numbers, kept with its text: every autobind reads it. */
    private int[] portRange;

    public Sysctls(KernelProfile profile) {
        this.profile = profile;
        for (SysctlKey k : SysctlKey.values()) {
            values.put(k, k.defaultValue());
        }
        values.put(SysctlKey.IP_LOCAL_PORT_RANGE, profile.defaultLocalPortRange());
        values.put(SysctlKey.SOMAXCONN, Integer.toString(profile.defaultSomaxconn()));
        portRange = parseInts(BLANKS.split(profile.defaultLocalPortRange().trim()));
    }

    /** The errno a write would get, or empty when the write is accepted (and done). */
    public Optional<Errno> set(SysctlKey key, String value) {
        if (!exists(key)) {
            return Optional.of(Errno.ENOENT);
        }
        return switch (key.shape()) {
            case PAIR -> setRange(value);
            case PORT_LIST -> setReserved(value);
            case INT -> setInt(key, value);
        };
    }

    /** Whether this kernel has the sysctl at all. */
    public boolean exists(SysctlKey key) {
        return switch (key) {
            case IP_UNPRIVILEGED_PORT_START -> profile.unprivilegedPortStartSysctl();
            case IP_AUTOBIND_REUSE -> profile.autobindReuseSysctl();
            case TCP_MIGRATE_REQ -> profile.migrateReqSysctl();
            default -> true;
        };
    }

    private Optional<Errno> setRange(String value) {
        int[] pair = parseInts(BLANKS.split(value.trim()));
        if (pair == null || pair.length != 2 || pair[0] < 1 || pair[1] > 65535 || pair[1] < pair[0]) {
            return Optional.of(Errno.EINVAL);
        }
        // Since 4.11 the range may not reach into the privileged ports.
        if (profile.unprivilegedPortStartSysctl() && pair[0] < unprivilegedPortStart()) {
            return Optional.of(Errno.EINVAL);
        }
        put(SysctlKey.IP_LOCAL_PORT_RANGE, pair[0] + " " + pair[1]);
        portRange = pair;
        return Optional.empty();
    }

    private Optional<Errno> setReserved(String value) {
        BitSet ports = new BitSet(65536);
        String trimmed = value.trim();
        if (!trimmed.isEmpty()) {
            for (String part : trimmed.split(",")) {
                String[] ends = part.trim().split("-");
                int[] nums = parseInts(ends);
                if (nums == null || nums.length > 2 || nums[0] > 65535 || nums[nums.length - 1] > 65535
                        || nums[nums.length - 1] < nums[0]) {
                    return Optional.of(Errno.EINVAL);
                }
                ports.set(nums[0], nums[nums.length - 1] + 1);
            }
        }
        reserved = ports;
        put(SysctlKey.IP_LOCAL_RESERVED_PORTS, trimmed);
        return Optional.empty();
    }

    private Optional<Errno> setInt(SysctlKey key, String value) {
        int[] one = parseInts(new String[] {value.trim()});
        if (one == null || one[0] < minOf(key) || one[0] > maxOf(key)) {
            return Optional.of(Errno.EINVAL);
        }
        if (key == SysctlKey.IP_UNPRIVILEGED_PORT_START && one[0] > localPortRange()[0]) {
            return Optional.of(Errno.EINVAL);
        }
        put(key, Integer.toString(one[0]));
        return Optional.empty();
    }

    private static int minOf(SysctlKey key) {
        return key == SysctlKey.TCP_FIN_TIMEOUT ? 1 : 0;
    }

    private static int maxOf(SysctlKey key) {
        return switch (key) {
            case IP_AUTOBIND_REUSE, TCP_MIGRATE_REQ, TCP_ABORT_ON_OVERFLOW -> 1;
            case TCP_SYNCOOKIES, TCP_TW_REUSE -> 2;
            case IP_UNPRIVILEGED_PORT_START -> 65535;
            case IP_NONLOCAL_BIND, IP6_NONLOCAL_BIND, TCP_SYNACK_RETRIES, TCP_SYN_RETRIES -> 255;
            default -> Integer.MAX_VALUE;
        };
    }

    private static int[] parseInts(String[] parts) {
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    private void put(SysctlKey key, String value) {
        values.put(key, value);
        intKnown[key.ordinal()] = false;
    }

    public String get(SysctlKey key) {
        return values.get(key);
    }

    /** An integer sysctl (parsed once per value: the receive path asks for several on every SYN). */
    public int getInt(SysctlKey key) {
        int i = key.ordinal();
        if (!intKnown[i]) {
            ints[i] = Integer.parseInt(values.get(key));
            intKnown[i] = true;
        }
        return ints[i];
    }

    /** [low, high], inclusive. */
    public int[] localPortRange() {
        return portRange.clone();
    }

    public boolean isReserved(int port) {
        return reserved.get(port);
    }

    /** Ports below this need CAP_NET_BIND_SERVICE; before 4.11 the constant PROT_SOCK (1024). */
    public int unprivilegedPortStart() {
        return profile.unprivilegedPortStartSysctl() ? getInt(SysctlKey.IP_UNPRIVILEGED_PORT_START) : 1024;
    }
}
