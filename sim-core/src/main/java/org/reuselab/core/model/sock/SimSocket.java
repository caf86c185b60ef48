package org.reuselab.core.model.sock;

import java.util.Optional;
import java.util.OptionalInt;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.net.TcpState;

/**
 * A full TCP socket of the simulated host: the fields of struct sock that the bind, listen and
 * accept rules read. Mutable, like the kernel's; only the model's call handlers change it.
 */
public final class SimSocket implements BindOwner, EhashEntry {

    private final int id;
    private String name;
    private final Family family;
    private int uid;
    private boolean hasFile = true;

    private int skReuse;
    private boolean reusePort;
    private boolean ipv6only;
    private boolean freebind;
    private boolean transparent;
    private boolean bindAddressNoPort;
    private String boundDevice = "";
    private int portRangeLow;
    private int portRangeHigh;

    private TcpState state = TcpState.CLOSE;
    private IpAddr rcvSaddr;
    private int port;
    private int sport;
    private Endpoint peer;
    private boolean bindAddrLock;
    private boolean bindPortLock;
    private boolean connectBind;
    private boolean hashedInBindTable;
    private int backlog;
    private ReuseportCb reuseportGroup;
    private ListenQueue listenQueue;
    private SimSocket localPeer;
    private SimSocket parentListener;
    private org.reuselab.core.net.Errno pendingError;
    private String queuedBy;
    private String acceptedAs;
    private long unreadBytes;
    private OwnerListener ownerListener;
    private boolean simultaneousOpen;
    private boolean sendShutdown;
    private boolean recvShutdown;
    private boolean ssConnected;
    private boolean wasInEhash;
    private int connects;
    private boolean migrated;
    private boolean wasListening;

    public SimSocket(int id, String name, Family family, int uid) {
        this.id = id;
        this.name = name;
        this.family = family;
        this.uid = uid;
        this.rcvSaddr = family == Family.IPV4 ? IpAddr.V4_ANY : IpAddr.V6_ANY;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Children get their scenario name when accepted. */
    public void setName(String newName) {
        name = newName;
    }

    @Override
    public Family family() {
        return family;
    }

    public int uid() {
        return uid;
    }

    public void setUid(int newUid) {
        uid = newUid;
        changed();
    }

    /** False for an unaccepted child or a socket its user closed (orphan): it has no file. */
    public boolean hasFile() {
        return hasFile;
    }

    public void setHasFile(boolean value) {
        hasFile = value;
        changed();
    }

    @Override
    public OptionalInt bindCheckUid(boolean orphanUidIsRoot) {
        // Before 6.17 the check used sock_i_uid(), which answers root for a socket with no file.
        return OptionalInt.of(orphanUidIsRoot && !hasFile ? 0 : uid);
    }

    @Override
    public int skReuse() {
        return skReuse;
    }

    public void setSkReuse(int value) {
        skReuse = value;
        changed();
    }

    @Override
    public boolean reusePort() {
        return reusePort;
    }

    public void setReusePort(boolean value) {
        reusePort = value;
        changed();
    }

    @Override
    public boolean ipv6only() {
        return ipv6only;
    }

    public void setIpv6only(boolean value) {
        ipv6only = value;
        changed();
    }

    public boolean freebind() {
        return freebind;
    }

    public void setFreebind(boolean value) {
        freebind = value;
    }

    public boolean transparent() {
        return transparent;
    }

    public void setTransparent(boolean value) {
        transparent = value;
    }

    public boolean bindAddressNoPort() {
        return bindAddressNoPort;
    }

    public void setBindAddressNoPort(boolean value) {
        bindAddressNoPort = value;
    }

    @Override
    public String boundDevice() {
        return boundDevice;
    }

    public void setBoundDevice(String device) {
        boundDevice = device;
        changed();
    }

    public int portRangeLow() {
        return portRangeLow;
    }

    public int portRangeHigh() {
        return portRangeHigh;
    }

    public void setPortRange(int low, int high) {
        portRangeLow = low;
        portRangeHigh = high;
    }

    @Override
    public TcpState state() {
        return state;
    }

    public void setState(TcpState newState) {
        state = newState;
        changed();
    }

    @Override
    public IpAddr rcvSaddr() {
        return rcvSaddr;
    }

    public void setRcvSaddr(IpAddr addr) {
        rcvSaddr = addr;
        changed();
    }

    @Override
    public int port() {
        return port;
    }

    /** inet_num: the port the socket owns in the bind table (0 when it owns none). */
    public void setPort(int value) {
        port = value;
        if (value != 0) {
            sport = value;
        }
    }

    /**
     * What getsockname() shows: the address and inet_sport, which keeps the last port even after
     * the port was released (an autobound listener shut down).
     */
    public Endpoint sockName() {
        return new Endpoint(rcvSaddr, sport);
    }

    public Optional<Endpoint> peer() {
        return Optional.ofNullable(peer);
    }

    /**
     * The peer as getpeername() and accept() report it: an IPv6 socket connected to an IPv4 peer
     * (a child of a dual-stack listener) shows it v4-mapped (tcp_v6_syn_recv_sock() maps it).
     */
    public Optional<Endpoint> peerName() {
        if (peer != null && family == Family.IPV6 && peer.addr().isV4()) {
            return Optional.of(new Endpoint(peer.addr().toV6(), peer.port()));
        }
        return Optional.ofNullable(peer);
    }

    public void setPeer(Endpoint value) {
        peer = value;
    }

    public Endpoint local() {
        return new Endpoint(rcvSaddr, port);
    }

    public boolean bindAddrLock() {
        return bindAddrLock;
    }

    public void setBindAddrLock(boolean value) {
        bindAddrLock = value;
    }

    public boolean bindPortLock() {
        return bindPortLock;
    }

    public void setBindPortLock(boolean value) {
        bindPortLock = value;
    }

    @Override
    public boolean connectBind() {
        return connectBind;
    }

    public void setConnectBind(boolean value) {
        connectBind = value;
        changed();
    }

    /** The socket is an owner in the bind table (icsk_bind_hash is set). */
    public boolean hashedInBindTable() {
        return hashedInBindTable;
    }

    public void setHashedInBindTable(boolean value) {
        hashedInBindTable = value;
    }

    public int backlog() {
        return backlog;
    }

    public void setBacklog(int value) {
        backlog = value;
    }

    /** The reuseport group (sk_reuseport_cb), or null. */
    public ReuseportCb reuseportGroup() {
        return reuseportGroup;
    }

    public void setReuseportGroup(ReuseportCb group) {
        reuseportGroup = group;
    }

    /** The listener's queues while it listens (and after, for children left to reset or migrate). */
    public ListenQueue listenQueue() {
        return listenQueue;
    }

    public void setListenQueue(ListenQueue q) {
        listenQueue = q;
    }

    /** The other end of a connection whose both ends are on this host. */
    public Optional<SimSocket> localPeer() {
        return Optional.ofNullable(localPeer);
    }

    public void setLocalPeer(SimSocket other) {
        localPeer = other;
    }

    /** For a child not yet accepted: the listener whose accept queue holds it. */
    public Optional<SimSocket> parentListener() {
        return Optional.ofNullable(parentListener);
    }

    public void setParentListener(SimSocket listener) {
        parentListener = listener;
    }

    /** sk_err: what the next call reports (ECONNRESET, ECONNREFUSED, ETIMEDOUT). */
    public Optional<org.reuselab.core.net.Errno> pendingError() {
        return Optional.ofNullable(pendingError);
    }

    public void setPendingError(org.reuselab.core.net.Errno e) {
        pendingError = e;
    }

    /** For a client: the name of the listener that queued its connection. */
    public Optional<String> queuedBy() {
        return Optional.ofNullable(queuedBy);
    }

    public void setQueuedBy(String listener) {
        queuedBy = listener;
    }

    /** For a child: the name it was given when accepted. */
    public Optional<String> acceptedAs() {
        return Optional.ofNullable(acceptedAs);
    }

    public void setAcceptedAs(String name) {
        acceptedAs = name;
    }

    /** The local end as it appears on the wire: a v4-mapped address of a v6 socket is the v4 one. */
    @Override
    public Endpoint localEnd() {
        return new Endpoint(rcvSaddr.isV4Mapped() ? rcvSaddr.toV4() : rcvSaddr, port);
    }

    /**
     * The socket layer's state is SS_CONNECTED: set by a successful connect() or accept(); a
     * later reset leaves it (only a failed connect() goes back to SS_UNCONNECTED), and listen()
     * and connect() then refuse.
     */
    public boolean ssConnected() {
        return ssConnected;
    }

    public void setSsConnected(boolean value) {
        ssConnected = value;
    }

    /** The child was moved from a closing listener's queue to another member's (it may overfill that queue). */
    public boolean migrated() {
        return migrated;
    }

    public void markMigrated() {
        migrated = true;
    }

    /** How many connect() attempts sent a SYN: a retransmission timer of an earlier attempt is stale. */
    public int connects() {
        return connects;
    }

    public void countConnect() {
        connects++;
    }

    /** The socket has been in the established hash (connect() sent a SYN, or it is a child). */
    public boolean wasInEhash() {
        return wasInEhash;
    }

    public void markInEhash() {
        wasInEhash = true;
    }

    /** The socket has listened (entered the listening hash). */
    public boolean wasListening() {
        return wasListening;
    }

    public void markListening() {
        wasListening = true;
    }

    /** shutdown(SHUT_WR) was called, even on an unconnected socket (sk_shutdown keeps it). */
    public boolean sendShutdown() {
        return sendShutdown;
    }

    public void setSendShutdown(boolean value) {
        sendShutdown = value;
    }

    /** sk_shutdown has RCV_SHUTDOWN: shutdown(SHUT_RD) was called (even unconnected), or close(). */
    public boolean recvShutdown() {
        return recvShutdown;
    }

    public void setRecvShutdown(boolean value) {
        recvShutdown = value;
    }

    /** The handshake completed by a simultaneous open (both ends sent a SYN). */
    public boolean simultaneousOpen() {
        return simultaneousOpen;
    }

    public void setSimultaneousOpen(boolean value) {
        simultaneousOpen = value;
    }

    /** Who hears of this socket's changes while it owns a port (its bind bucket's node), or null. */
    public OwnerListener ownerListener() {
        return ownerListener;
    }

    /** Set by the bind bucket that files this owner by its class; told when a field the rules read changes. */
    public void setOwnerListener(OwnerListener listener) {
        ownerListener = listener;
    }

    private void changed() {
        if (ownerListener != null) {
            ownerListener.ownerChanged(this);
        }
    }

    /** Bytes received and not read (a close with unread data sends a RST). */
    public long unreadBytes() {
        return unreadBytes;
    }

    public void addUnread(long bytes) {
        unreadBytes += bytes;
    }

    @Override
    public Endpoint remoteEnd() {
        return peer;
    }

    @Override
    public String describe() {
        return name + " (" + local() + " " + state.name() + flagText(skReuse, reusePort, boundDevice)
                + ", uid " + uid + ")";
    }

    static String flagText(int skReuse, boolean reusePort, String device) {
        StringBuilder sb = new StringBuilder();
        if (skReuse == 2) {
            sb.append(", TCP_REPAIR");
        } else if (skReuse != 0) {
            sb.append(", SO_REUSEADDR");
        }
        if (reusePort) {
            sb.append(", SO_REUSEPORT");
        }
        if (!device.isEmpty()) {
            sb.append(", dev ").append(device);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
