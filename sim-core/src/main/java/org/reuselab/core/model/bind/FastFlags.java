package org.reuselab.core.model.bind;

import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;

/**
 * A bind bucket's fast-path cache: fastreuse, fastreuseport and the owner fastreuseport was last
 * set from (uid, address, family, v6only). -1/-1 marks a bucket made by connect() whose owners
 * are all connect-bound.
 */
public final class FastFlags {

    /** fastreuseport values (include/net/inet_hashtables.h). */
    public static final int CONNECT_ONLY = -1;
    public static final int ANY = 1;
    public static final int STRICT = 2;

    int fastreuse;
    int fastreuseport;
    int fastUid;
    Family fastFamily = Family.IPV4;
    IpAddr fastAddr = IpAddr.V4_ANY;
    boolean fastIpv6only;

    public int fastreuse() {
        return fastreuse;
    }

    public int fastreuseport() {
        return fastreuseport;
    }

    public int fastUid() {
        return fastUid;
    }

    public IpAddr fastAddr() {
        return fastAddr;
    }

    public boolean fastIpv6only() {
        return fastIpv6only;
    }

    public Family fastFamily() {
        return fastFamily;
    }

    void markConnectOnly() {
        fastreuse = CONNECT_ONLY;
        fastreuseport = CONNECT_ONLY;
    }

    boolean connectOnly() {
        return fastreuse == CONNECT_ONLY && fastreuseport == CONNECT_ONLY;
    }

    void copyFrom(FastFlags other) {
        fastreuse = other.fastreuse;
        fastreuseport = other.fastreuseport;
        fastUid = other.fastUid;
        fastFamily = other.fastFamily;
        fastAddr = other.fastAddr;
        fastIpv6only = other.fastIpv6only;
    }

    /** {@code fastreuse=0 fastreuseport=STRICT uid=0 addr=127.0.0.1}, as dumps print it. */
    @Override
    public String toString() {
        String rp = switch (fastreuseport) {
            case CONNECT_ONLY -> "-1";
            case 0 -> "0";
            case ANY -> "ANY";
            case STRICT -> "STRICT";
            default -> Integer.toString(fastreuseport);
        };
        String s = "fastreuse=" + fastreuse + " fastreuseport=" + rp;
        if (fastreuseport > 0) {
            s += " uid=" + fastUid;
            if (fastreuseport == STRICT) {
                s += " addr=" + fastAddr + (fastIpv6only ? " v6only" : "");
            }
        }
        return s;
    }
}
