package org.reuselab.probe;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;

/** sockaddr_in / sockaddr_in6 in native memory, to and from {@link Endpoint}. */
final class SockAddr {

    static final int IN_LEN = 16;
    static final int IN6_LEN = 28;
    /** Room for any sockaddr the probe reads back (sockaddr_storage is 128). */
    static final int STORAGE_LEN = 128;

    private static final ValueLayout.OfShort NET_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt NET_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong NET_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private SockAddr() {
    }

    /**
     * The sockaddr a C program passes for {@code ep}: sockaddr_in for an IPv4 literal, sockaddr_in6
     * for an IPv6 one; {@code saFamily} and {@code length} may override the family field and the
     * length (the buffer is big enough for either).
     */
    static MemorySegment encode(Arena arena, Endpoint ep, int saFamily, int length, int scopeId) {
        MemorySegment s = arena.allocate(Math.max(length, STORAGE_LEN));
        s.set(ValueLayout.JAVA_SHORT_UNALIGNED, 0, (short) saFamily);
        s.set(NET_SHORT, 2, (short) ep.port());
        if (ep.addr().isV4()) {
            s.set(NET_INT, 4, ep.addr().v4bits());
        } else {
            s.set(NET_LONG, 8, ep.addr().hi());
            s.set(NET_LONG, 16, ep.addr().lo());
            s.set(ValueLayout.JAVA_INT_UNALIGNED, 24, scopeId);
        }
        return s;
    }

    static int naturalFamily(IpAddr ip) {
        return ip.isV4() ? Libc.AF_INET : Libc.AF_INET6;
    }

    static int naturalLength(IpAddr ip) {
        return ip.isV4() ? IN_LEN : IN6_LEN;
    }

    /** The endpoint in a sockaddr the kernel filled in; {@code scope} names a non-zero scope id. */
    static Endpoint decode(MemorySegment s, String scope) {
        int family = s.get(ValueLayout.JAVA_SHORT_UNALIGNED, 0);
        int port = Short.toUnsignedInt(s.get(NET_SHORT, 2));
        if (family == Libc.AF_INET) {
            return new Endpoint(IpAddr.v4(s.get(NET_INT, 4)), port);
        }
        if (family == Libc.AF_INET6) {
            IpAddr a = new IpAddr(Family.IPV6, s.get(NET_LONG, 8), s.get(NET_LONG, 16));
            int scopeId = s.get(ValueLayout.JAVA_INT_UNALIGNED, 24);
            return new Endpoint(a, port, scopeId == 0 ? "" : scope.isEmpty() ? Integer.toString(scopeId) : scope);
        }
        throw new IllegalStateException("the kernel returned a sockaddr of family " + family);
    }
}
