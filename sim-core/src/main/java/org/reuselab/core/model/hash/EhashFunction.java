package org.reuselab.core.model.hash;

import org.reuselab.core.kernel.EhashForm;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.IpAddr;

/**
 * inet_ehashfn() / inet6_ehashfn(): the flow hash that picks a reuseport member and places a
 * connection in the established hash. Addresses and the remote port enter as the raw
 * network-order words a little-endian x86 kernel loads; the local port as a host number.
 */
public final class EhashFunction {

    private final EhashForm form;
    private final int secret;
    private final int ipv6Secret;
    private final int netMix;

    public EhashFunction(EhashForm form, int secret, int ipv6Secret, int netMix) {
        this.form = form;
        this.secret = secret;
        this.ipv6Secret = ipv6Secret;
        this.netMix = netMix;
    }

    /** The hash of a flow arriving at {@code local} from {@code remote}. */
    public int hash(Endpoint local, Endpoint remote) {
        int lport = local.port();
        int fport = Short.toUnsignedInt(Short.reverseBytes((short) remote.port()));
        int laddr;
        int faddr;
        if (local.addr().isV4()) {
            laddr = wire(local.addr().v4bits());
            faddr = wire(remote.addr().v4bits());
        } else {
            // inet6_ehashfn(): the last word of the local address, and a jhash of the remote one.
            laddr = wire((int) local.addr().lo());
            faddr = v6AddrHash(remote.addr());
        }
        int iv = secret + netMix;
        return switch (form) {
            case LPORT_IN_HASH -> Jhash.hash3(laddr, faddr, (lport << 16) | fport, iv);
            case LPORT_ADDED -> lport + Jhash.hash3(laddr, faddr, fport, iv);
        };
    }

    /** __ipv6_addr_jhash(): the first two words folded by xor, then the last two. */
    private int v6AddrHash(IpAddr a) {
        int w0 = wire((int) (a.hi() >>> 32));
        int w1 = wire((int) a.hi());
        int w2 = wire((int) (a.lo() >>> 32));
        int w3 = wire((int) a.lo());
        return Jhash.hash3(w0 ^ w1, w2, w3, ipv6Secret);
    }

    /** A network-order 32-bit value as a little-endian CPU reads it. */
    private static int wire(int hostOrder) {
        return Integer.reverseBytes(hostOrder);
    }

    /** reciprocal_scale(): the index {@code (h * n) >> 32} of a group of n members. */
    public static int scale(int hash, int n) {
        return (int) (((hash & 0xffff_ffffL) * n) >>> 32);
    }
}
