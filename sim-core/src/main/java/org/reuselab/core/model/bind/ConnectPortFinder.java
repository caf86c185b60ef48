package org.reuselab.core.model.bind;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.model.Chooser;
import org.reuselab.core.model.Sysctls;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.IpAddr;

/**
 * connect() autobind (__inet_hash_connect()): a port is usable when no bind() owner holds it
 * (its bucket is connect-only, -1/-1, or absent) and the 4-tuple is unique. The per-destination
 * offset (secure_ipv4_port_ephemeral()) and the perturb increments are drawn through the
 * {@link Chooser}; their state lives for the whole run, as the kernel's lives for the boot.
 */
public final class ConnectPortFinder {

    private static final int PERTURB_SIZE = 1 << 16;

    private final KernelProfile profile;
    private final Chooser chooser;
    private final Map<String, Long> offsets = new HashMap<>();
    /** table_perturb[], sparse: a run touches few of its slots (look-up only, never iterated). */
    private final Map<Integer, Integer> perturb = new HashMap<>();
    private int hint;

    public ConnectPortFinder(KernelProfile profile, Chooser chooser) {
        this.profile = profile;
        this.chooser = chooser;
    }

    /** A port for {@code s} connecting from {@code src} to {@code dst}, or empty (EADDRNOTAVAIL). */
    public OptionalInt find(SimSocket s, IpAddr src, Endpoint dst, Sysctls sysctls, BindTable binds,
            IntPredicate tupleUnique) {
        int[] r = EphemeralSearch.effectiveRange(s, sysctls, profile);
        boolean localPorts = profile.localPortRangeOption() && (s.portRangeLow() != 0 || s.portRangeHigh() != 0);
        long portOffset = offset(src, dst);
        IntPredicate usable = port -> !sysctls.isReserved(port) && connectable(binds, port) && tupleUnique.test(port);
        OptionalInt port = switch (profile.connectPortSearch()) {
            case HINT_SEQUENTIAL -> hintWalk(r, (int) portOffset, false, usable);
            case HINT_EVEN_START -> hintWalk(r, (int) portOffset, true, usable);
            case PERTURB -> perturbWalk(r, portOffset, localPorts, usable);
        };
        port.ifPresent(chooser::tookPort);
        return port;
    }

    /** A port whose bucket some bind() made is never taken by connect(). */
    private static boolean connectable(BindTable binds, int port) {
        return binds.bucket(port).map(ConnectPortFinder::connectOnly).orElse(true);
    }

    private static boolean connectOnly(PortBucket tb) {
        return tb.flags().fastreuse() < 0 && tb.flags().fastreuseport() == FastFlags.CONNECT_ONLY;
    }

    /** secure_ipv4_port_ephemeral(): one 64-bit secret value per (source, destination, port). */
    private long offset(IpAddr src, Endpoint dst) {
        return offsets.computeIfAbsent(src + ">" + dst, k -> ((long) chooser.bits32(Chooser.Draw.CONNECT_PORT_OFFSET)
                << 32) | (chooser.bits32(Chooser.Draw.CONNECT_PORT_OFFSET) & 0xffff_ffffL));
    }

    private OptionalInt hintWalk(int[] r, int portOffset, boolean evenStart, IntPredicate usable) {
        int remaining = r[1] - r[0] + 1;
        int offset = hint + portOffset;
        if (evenStart) {
            offset &= ~1;
        }
        // The first port tried is low + (offset + 1) mod remaining.
        int start = chooser.connectOffset(r[0], remaining, Integer.remainderUnsigned(offset + 1, remaining));
        for (int i = 1; i <= remaining; i++) {
            int port = r[0] + Integer.remainderUnsigned(start + i - 1, remaining);
            if (usable.test(port)) {
                hint += i;
                return OptionalInt.of(port);
            }
        }
        return OptionalInt.empty();
    }

    private OptionalInt perturbWalk(int[] r, long portOffset, boolean localPorts, IntPredicate usable) {
        int low = r[0];
        int high = r[1] + 1;
        int remaining = high - low;
        int step = localPorts ? 1 : 2;
        if (!localPorts && remaining > 1) {
            remaining &= ~1;
        }
        int index = (int) (portOffset & (PERTURB_SIZE - 1));
        int slot = perturb.getOrDefault(index, 0);
        long offset = chooser.connectOffset(low, remaining,
                (int) (Integer.toUnsignedLong(slot + (int) (portOffset >>> 32)) % remaining));
        if (!localPorts) {
            offset &= ~1L;
        }
        for (int pass = 0; pass < 2; pass++) {
            int port = low + (int) offset;
            for (int i = 0; i < remaining; i += step, port += step) {
                if (port >= high) {
                    port -= remaining;
                }
                if (usable.test(port)) {
                    int bump = Math.max(i, chooser.uniform(Chooser.Draw.CONNECT_PERTURB_STEP, 8) * step);
                    perturb.merge(index, bump + step, Integer::sum);
                    return OptionalInt.of(port);
                }
            }
            if (localPorts || remaining <= 1) {
                break;
            }
            offset++;
        }
        return OptionalInt.empty();
    }
}
