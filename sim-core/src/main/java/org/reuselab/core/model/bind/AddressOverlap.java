package org.reuselab.core.model.bind;

import org.reuselab.core.model.sock.BindOwner;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;

/**
 * Whether two bound addresses can match the same packet: the kernel's inet_rcv_saddr_equal()
 * family (net/ipv4/inet_connection_sock.c, 6.18). A v4 socket is seen through its 32-bit address;
 * a v6 socket through its 128-bit address and, when it is not V6ONLY, its v4 view.
 */
public final class AddressOverlap {

    private AddressOverlap() {
    }

    /** inet_rcv_saddr_equal(sk, sk2, match_wildcard): the answer depends on sk's family. */
    public static boolean overlap(BindOwner sk, BindOwner sk2, boolean matchWildcard) {
        if (sk.family() == Family.IPV6) {
            IpAddr sk2v6 = sk2.family() == Family.IPV6 ? sk2.rcvSaddr() : null;
            return ipv6Equal(sk.rcvSaddr(), sk2v6, sk.v4RcvSaddr(), sk2.v4RcvSaddr(), sk.ipv6only(),
                    sk2.ipv6only(), matchWildcard, matchWildcard);
        }
        return ipv4Equal(sk.v4RcvSaddr(), sk2.v4RcvSaddr(), sk2.ipv6only(), matchWildcard, matchWildcard);
    }

    /**
     * ipv4_rcv_saddr_equal(): a V6ONLY second socket never meets an IPv4 one; otherwise equal
     * addresses meet, and a wildcard meets everything on the side allowed to be a wildcard.
     */
    public static boolean ipv4Equal(int sk1, int sk2, boolean sk2Ipv6only, boolean matchSk1Wildcard,
            boolean matchSk2Wildcard) {
        if (sk2Ipv6only) {
            return false;
        }
        if (sk1 == sk2) {
            return true;
        }
        return (matchSk1Wildcard && sk1 == 0) || (matchSk2Wildcard && sk2 == 0);
    }

    /**
     * ipv6_rcv_saddr_equal(): two v4-like addresses compare as IPv4; {@code ::} meets {@code ::}
     * always, and meets anything else unless it is V6ONLY and the other side is v4-like.
     * {@code sk2v6} is null when the second socket is AF_INET (it then counts as v4-mapped).
     */
    public static boolean ipv6Equal(IpAddr sk1v6, IpAddr sk2v6, int sk1v4, int sk2v4, boolean sk1Ipv6only,
            boolean sk2Ipv6only, boolean matchSk1Wildcard, boolean matchSk2Wildcard) {
        V6Type t1 = V6Type.of(sk1v6);
        V6Type t2 = sk2v6 == null ? V6Type.MAPPED : V6Type.of(sk2v6);
        if (t1 == V6Type.MAPPED && t2 == V6Type.MAPPED) {
            return ipv4Equal(sk1v4, sk2v4, sk2Ipv6only, matchSk1Wildcard, matchSk2Wildcard);
        }
        if (t1 == V6Type.ANY && t2 == V6Type.ANY) {
            return true;
        }
        if (t2 == V6Type.ANY && matchSk2Wildcard && !(sk2Ipv6only && t1 == V6Type.MAPPED)) {
            return true;
        }
        if (t1 == V6Type.ANY && matchSk1Wildcard && !(sk1Ipv6only && t2 == V6Type.MAPPED)) {
            return true;
        }
        return sk2v6 != null && sk1v6.equals(sk2v6);
    }

    /** The three kinds of IPv6 address these rules tell apart (ipv6_addr_type()). */
    private enum V6Type {
        ANY, MAPPED, OTHER;

        static V6Type of(IpAddr a) {
            if (a.isV4Mapped()) {
                return MAPPED;
            }
            return a.isAny() ? ANY : OTHER;
        }
    }
}
