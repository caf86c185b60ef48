package org.reuselab.core.net;

import java.util.Locale;

/**
 * An IPv4 or IPv6 address as the kernel stores it. IPv4 addresses keep their 32 bits in {@code lo};
 * IPv6 addresses keep their 128 bits in {@code hi}/{@code lo}. A v4-mapped IPv6 address
 * ({@code ::ffff:a.b.c.d}) stays an IPv6 address: whether it behaves as IPv4 is a decision of the
 * model, not of the parser.
 */
public record IpAddr(Family family, long hi, long lo) implements Comparable<IpAddr> {

    public static final IpAddr V4_ANY = v4(0);
    public static final IpAddr V6_ANY = new IpAddr(Family.IPV6, 0, 0);
    public static final IpAddr V4_LOOPBACK = v4(0x7f000001);
    public static final IpAddr V6_LOOPBACK = new IpAddr(Family.IPV6, 0, 1);

    private static final long MAPPED_PREFIX = 0x0000_ffffL << 32;

    public IpAddr {
        if (family == null) {
            throw new IllegalArgumentException("family is null");
        }
        if (family == Family.IPV4 && (hi != 0 || (lo >>> 32) != 0)) {
            throw new IllegalArgumentException("IPv4 address out of range: " + Long.toHexString(lo));
        }
    }

    public static IpAddr v4(int bits) {
        return new IpAddr(Family.IPV4, 0, bits & 0xffff_ffffL);
    }

    /** The v4-mapped IPv6 form {@code ::ffff:a.b.c.d} of an IPv4 address. */
    public static IpAddr mapped(int v4bits) {
        return new IpAddr(Family.IPV6, 0, MAPPED_PREFIX | (v4bits & 0xffff_ffffL));
    }

    /** The 32 bits of an IPv4 address, or of the IPv4 part of a v4-mapped address. */
    public int v4bits() {
        return (int) lo;
    }

    /** The address after this one (IPv4 wraps within 32 bits, IPv6 carries into the high half). */
    public IpAddr next() {
        if (family == Family.IPV4) {
            return v4(v4bits() + 1);
        }
        return lo == -1L ? new IpAddr(family, hi + 1, 0) : new IpAddr(family, hi, lo + 1);
    }

    public boolean isV4() {
        return family == Family.IPV4;
    }

    public boolean isV4Mapped() {
        return family == Family.IPV6 && hi == 0 && (lo >>> 32) == 0xffffL;
    }

    /** {@code 0.0.0.0} or {@code ::} (not {@code ::ffff:0.0.0.0}). */
    public boolean isAny() {
        return hi == 0 && lo == 0;
    }

    /**
     * True when this address, seen from an IPv4 point of view, is an IPv4 address: a v4 address or
     * a v4-mapped v6 address.
     */
    public boolean isV4Like() {
        return isV4() || isV4Mapped();
    }

    /** Multicast: 224.0.0.0/4 or ff00::/8. */
    public boolean isMulticast() {
        if (isV4()) {
            return (v4bits() >>> 28) == 0xe;
        }
        return (hi >>> 56) == 0xff;
    }

    /** IPv6 link-local unicast fe80::/10, which needs a scope. */
    public boolean isLinkLocal() {
        return family == Family.IPV6 && (hi >>> 54) == (0xfe80L >>> 6);
    }

    /** 127.0.0.0/8 for IPv4. */
    public boolean isV4Loopback() {
        return isV4Like() && (v4bits() >>> 24) == 127;
    }

    /** The IPv4 address this v4 or v4-mapped address carries. */
    public IpAddr toV4() {
        if (!isV4Like()) {
            throw new IllegalStateException("not an IPv4 or v4-mapped address: " + this);
        }
        return v4(v4bits());
    }

    /** The IPv6 view: a v4 address becomes v4-mapped, a v6 address stays. */
    public IpAddr toV6() {
        return isV4() ? mapped(v4bits()) : this;
    }

    /** True when the address lies in {@code prefix/len} (same family). */
    public boolean inPrefix(IpAddr prefix, int len) {
        if (prefix.family != family) {
            return false;
        }
        if (isV4()) {
            long mask = len == 0 ? 0 : (0xffff_ffffL << (32 - len)) & 0xffff_ffffL;
            return (lo & mask) == (prefix.lo & mask);
        }
        if (len <= 64) {
            long mask = len == 0 ? 0 : -1L << (64 - len);
            return (hi & mask) == (prefix.hi & mask);
        }
        long mask = -1L << (128 - len);
        return hi == prefix.hi && (lo & mask) == (prefix.lo & mask);
    }

    @Override
    public int compareTo(IpAddr o) {
        int c = family.compareTo(o.family);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(hi, o.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }

    /** Kernel syntax: {@code 10.0.0.1}, {@code ::}, {@code ::ffff:127.0.0.1}, {@code fd00::1}. */
    @Override
    public String toString() {
        if (isV4()) {
            int b = v4bits();
            return (b >>> 24) + "." + ((b >>> 16) & 0xff) + "." + ((b >>> 8) & 0xff) + "." + (b & 0xff);
        }
        if (isV4Mapped()) {
            return "::ffff:" + toV4();
        }
        return formatV6();
    }

    private String formatV6() {
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) ((hi >>> (48 - 16 * i)) & 0xffff);
            groups[i + 4] = (int) ((lo >>> (48 - 16 * i)) & 0xffff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Parses a literal address; throws {@link IllegalArgumentException} naming the input. */
    public static IpAddr parse(String text) {
        return IpAddrParser.parse(text);
    }
}
