package org.reuselab.core.host;

import java.util.ArrayList;
import java.util.List;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.scenario.InterfaceDef;

/**
 * The addresses of the host under test: {@code lo} (127.0.0.1/8, ::1/128) and the scenario's
 * interfaces. Answers the questions bind() asks of the routing tables.
 */
public final class HostAddresses {

    private final List<InterfaceDef> interfaces;
    /** Every interface's own address (for isLocal(), asked of every segment). */
    private final IpAddr[] own;

    public HostAddresses(List<InterfaceDef> scenarioInterfaces) {
        List<InterfaceDef> all = new ArrayList<>();
        all.add(new InterfaceDef("lo", List.of(new InterfaceDef.Prefix(IpAddr.V4_LOOPBACK, 8),
                new InterfaceDef.Prefix(IpAddr.V6_LOOPBACK, 128)), org.reuselab.core.scenario.json.SourcePos.NONE));
        all.addAll(scenarioInterfaces);
        this.interfaces = List.copyOf(all);
        this.own = interfaces.stream().flatMap(i -> i.addrs().stream()).map(InterfaceDef.Prefix::addr)
                .toArray(IpAddr[]::new);
    }

    public List<InterfaceDef> interfaces() {
        return interfaces;
    }

    public boolean deviceExists(String name) {
        return interfaces.stream().anyMatch(i -> i.name().equals(name));
    }

    /**
     * inet_addr_type() answers LOCAL, BROADCAST or MULTICAST: an interface's own address, any of
     * 127.0.0.0/8 (lo's route), a subnet's broadcast address, 255.255.255.255, or 224.0.0.0/4.
     */
    public boolean v4BindableWithoutFreebind(IpAddr v4) {
        int bits = v4.v4bits();
        if (bits == 0 || bits == -1 || v4.isMulticast() || v4.isV4Loopback()) {
            return true;
        }
        for (InterfaceDef i : interfaces) {
            for (InterfaceDef.Prefix p : i.addrs()) {
                if (!p.addr().isV4()) {
                    continue;
                }
                if (p.addr().v4bits() == bits) {
                    return true;
                }
                if (p.length() < 31 && p.contains(v4) && broadcastOf(p) == bits) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int broadcastOf(InterfaceDef.Prefix p) {
        int hostMask = p.length() == 0 ? -1 : (int) ((1L << (32 - p.length())) - 1);
        return p.addr().v4bits() | hostMask;
    }

    /** ipv6_chk_addr(): the address is assigned to an interface (for a link-local one, that interface). */
    public boolean v6IsLocal(IpAddr v6, String device) {
        for (InterfaceDef i : interfaces) {
            if (!device.isEmpty() && v6.isLinkLocal() && !i.name().equals(device)) {
                continue;
            }
            for (InterfaceDef.Prefix p : i.addrs()) {
                if (p.addr().equals(v6)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first IPv4 address of the interface a destination is routed through (for connect()). */
    public IpAddr sourceFor(IpAddr dst) {
        if (dst.isV4Loopback() || dst.isAny()) {
            return dst.isV4() ? IpAddr.V4_LOOPBACK : IpAddr.V6_LOOPBACK;
        }
        for (InterfaceDef i : interfaces) {
            for (InterfaceDef.Prefix p : i.addrs()) {
                if (p.addr().equals(dst) || p.contains(dst)) {
                    return p.addr().family() == dst.family() ? (p.addr().equals(dst) ? dst : p.addr()) : dst;
                }
            }
        }
        return dst;
    }

    /** An address this host owns: an interface's, any of 127.0.0.0/8, or a wildcard. */
    public boolean isLocal(IpAddr a) {
        if (a.isAny() || a.isV4Loopback() || a.equals(IpAddr.V6_LOOPBACK)) {
            return true;
        }
        IpAddr plain = a.isV4Mapped() ? a.toV4() : a;
        for (IpAddr o : own) {
            if (o.lo() == plain.lo() && o.hi() == plain.hi() && o.family() == plain.family()) {
                return true;
            }
        }
        return false;
    }

    /** The device a segment from {@code src} arrives on: lo for the host's own addresses. */
    public String deviceFor(IpAddr src) {
        if (isLocal(src)) {
            return "lo";
        }
        IpAddr plain = src.isV4Mapped() ? src.toV4() : src;
        for (InterfaceDef i : interfaces) {
            if (i.name().equals("lo")) {
                continue;
            }
            for (InterfaceDef.Prefix p : i.addrs()) {
                if (p.contains(plain)) {
                    return i.name();
                }
            }
        }
        return "";
    }

    /** Whether some interface's subnet holds the address (so a route exists). */
    public boolean routable(IpAddr dst) {
        return isLocal(dst) || !deviceFor(dst).isEmpty();
    }
}
