package org.reuselab.core.model.sock;

import java.util.OptionalInt;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.net.TcpState;

/**
 * Something that holds a local port in a bind bucket: a full socket or a TIME_WAIT record. The
 * conflict rules read these live values (the kernel reads the owner's current flags, not the ones
 * it had when it bound).
 */
public sealed interface BindOwner permits SimSocket, TimeWaitSock {

    /** sk_reuse: 0, 1 (SO_REUSEADDR) or 2 (SK_FORCE_REUSE through TCP_REPAIR). */
    int skReuse();

    boolean reusePort();

    /** The bound device name, or "" for none. */
    String boundDevice();

    boolean ipv6only();

    Family family();

    /** The bound local address: a v4 address for AF_INET, a v6 (maybe v4-mapped) one for AF_INET6. */
    IpAddr rcvSaddr();

    int port();

    TcpState state();

    /** The uid the bind check sees; empty for TIME_WAIT, which has none. */
    OptionalInt bindCheckUid(boolean orphanUidIsRoot);

    /** The port was chosen by connect() (6.18 SOCK_CONNECT_BIND / tw_connect_bind). */
    boolean connectBind();

    /** A short description for explanations: {@code a (127.0.0.1:5000 LISTEN, SO_REUSEADDR, uid 0)}. */
    String describe();

    /** The 32-bit IPv4 view the kernel keeps (inet_rcv_saddr). */
    default int v4RcvSaddr() {
        IpAddr a = rcvSaddr();
        if (a.isV4Like()) {
            return a.v4bits();
        }
        // A v6 socket on a non-mapped address has no v4 equivalent; the kernel stores
        // LOOPBACK4_IPV6 (127.0.0.6) there (__inet6_bind()).
        return a.isAny() ? 0 : 0x7f000006;
    }
}
