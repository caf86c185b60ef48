package org.reuselab.core.model.sock;

import java.util.OptionalInt;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.net.TcpState;

/**
 * A TIME_WAIT mini-socket: what is left of a connection after an active close. It keeps the
 * port with the reuse flags, device and v6only it copied from the socket (inet_twsk_alloc()),
 * and has no uid. Its state is TIME_WAIT for every table; its substate is FIN_WAIT2 while an
 * orphan whose FIN was acknowledged still waits for the peer's (tcp_time_wait(TCP_FIN_WAIT2)),
 * and TIME_WAIT once that FIN came, which starts the period again.
 */
public final class TimeWaitSock implements BindOwner, EhashEntry {

    private final String name;
    private final Family family;
    private final IpAddr rcvSaddr;
    private final int port;
    private final Endpoint peer;
    private final int skReuse;
    private final boolean reusePort;
    private final String boundDevice;
    private final boolean ipv6only;
    private final boolean connectBind;
    private long expiresAtMs;
    private boolean finWait2;

    public TimeWaitSock(String name, Family family, IpAddr rcvSaddr, int port, Endpoint peer, int skReuse,
            boolean reusePort, String boundDevice, boolean ipv6only, boolean connectBind, long expiresAtMs) {
        this.name = name;
        this.family = family;
        this.rcvSaddr = rcvSaddr;
        this.port = port;
        this.peer = peer;
        this.skReuse = skReuse;
        this.reusePort = reusePort;
        this.boundDevice = boundDevice;
        this.ipv6only = ipv6only;
        this.connectBind = connectBind;
        this.expiresAtMs = expiresAtMs;
    }

    public String name() {
        return name;
    }

    @Override
    public Family family() {
        return family;
    }

    @Override
    public IpAddr rcvSaddr() {
        return rcvSaddr;
    }

    @Override
    public int port() {
        return port;
    }

    public Endpoint peer() {
        return peer;
    }

    @Override
    public int skReuse() {
        return skReuse;
    }

    @Override
    public boolean reusePort() {
        return reusePort;
    }

    @Override
    public String boundDevice() {
        return boundDevice;
    }

    @Override
    public boolean ipv6only() {
        return ipv6only;
    }

    @Override
    public boolean connectBind() {
        return connectBind;
    }

    /** When the period ends (ms of the run's clock). */
    public long expiresAtMs() {
        return expiresAtMs;
    }

    /** The substate is FIN_WAIT2: the peer's FIN has not come yet. */
    public boolean finWait2() {
        return finWait2;
    }

    /** An orphan's FIN was acknowledged: it waits for the peer's FIN. */
    public void enterFinWait2() {
        finWait2 = true;
    }

    /** The peer's FIN came: the substate becomes TIME_WAIT, for a period that ends at {@code until}. */
    public void finReceived(long until) {
        finWait2 = false;
        expiresAtMs = until;
    }

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
