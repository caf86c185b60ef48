package org.reuselab.core.model.sock;

import java.util.OptionalInt;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.net.TcpState;

/**
 * A TIME_WAIT mini-socket: what is left of a connection after an active close. It keeps the
 * port with the reuse flags, device and v6only it copied from the socket (inet_twsk_alloc()),
 * and has no uid.
 */
public record TimeWaitSock(String name, Family family, IpAddr rcvSaddr, int port, Endpoint peer, int skReuse,
        boolean reusePort, String boundDevice, boolean ipv6only, boolean connectBind, long expiresAtMs)
        implements BindOwner, EhashEntry {

    @Override
    public Endpoint localEnd() {
        return new Endpoint(rcvSaddr, port);
    }

    @Override
    public Endpoint remoteEnd() {
        return peer;
    }

    @Override
    public TcpState state() {
        return TcpState.TIME_WAIT;
    }

    @Override
    public OptionalInt bindCheckUid(boolean orphanUidIsRoot) {
        return OptionalInt.empty();
    }

    @Override
    public String describe() {
        return "TIME_WAIT of " + name + " (" + new Endpoint(rcvSaddr, port) + " -> " + peer
                + SimSocket.flagText(skReuse, reusePort, boundDevice) + ")";
    }
}
