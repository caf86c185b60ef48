package org.reuselab.core.host;

import java.util.Optional;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.conn.Segment;
import org.reuselab.core.model.sock.ListenQueue;
import org.reuselab.core.model.sock.RequestSock;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.model.sock.TimeWaitSock;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.trace.Event;

/** The life of connections: children, resets, closes, TIME_WAIT. */
final class Connections {

    /** TCP_TIMEWAIT_LEN. */
    static final long TIME_WAIT_MS = 60_000;

    private final Netns ns;
    private final Wire wire;

    Connections(Netns ns, Wire wire) {
        this.ns = ns;
        this.wire = wire;
    }

    /**
     * tcp_v4_syn_recv_sock() and inet_csk_complete_hashdance(): the child clones the listener
     * (options, device, uid), owns its port at the request's local address, enters the
     * established hash and the listener's accept queue.
     */
    SimSocket makeChild(SimSocket listener, RequestSock req) {
        SimSocket child = ns.sockets.newUnnamed(listener.listenQueue().childLabel(listener.name()), listener.family(),
                listener.uid());
        child.setSkReuse(listener.skReuse());
        child.setReusePort(listener.reusePort());
        child.setBoundDevice(listener.boundDevice());
        child.setIpv6only(listener.ipv6only());
        IpAddr local = req.localEnd().addr();
        child.setRcvSaddr(listener.family() == Family.IPV6 ? local.toV6() : local);
        child.setPeer(req.remoteEnd());
        child.setState(TcpState.ESTABLISHED);
        child.setHasFile(false);
        child.setParentListener(listener);
        child.markInEhash();
        ns.binds.inherit(child, listener.port());
        ns.ehash.put(child);
        listener.listenQueue().acceptQueue().addLast(child);
        linkLocalPeer(child);
        // The clone copies sk_shutdown: a SHUT_RD recorded on the listener before listen() stays on
        // the child, and a SHUT_WR makes it send its FIN at once (tcp_rcv_state_process(), SYN_RECV).
        child.setRecvShutdown(listener.recvShutdown());
        if (listener.sendShutdown()) {
            child.setSendShutdown(true);
            sendFin(child, Rule.FIN_INHERITED_SHUT_WR);
        }
        return child;
    }

    /** A connection whose other end is a socket of this host: the two know each other. */
    private void linkLocalPeer(SimSocket child) {
        Endpoint remote = child.peer().orElseThrow();
        if (!ns.addresses.isLocal(remote.addr())) {
            return;
        }
        ns.ehash.find(remote, child.localEnd()).ifPresent(e -> {
            if (e instanceof SimSocket client) {
                client.setLocalPeer(child);
                child.setLocalPeer(client);
                client.setQueuedBy(child.parentListener().map(SimSocket::name).orElse(""));
            }
        });
    }

    /** accept(): the oldest child gets its name and a file (sock_graft() gives it the acceptor's uid). */
    SimSocket accept(SimSocket listener, Optional<String> as, int acceptorUid) {
        ListenQueue q = listener.listenQueue();
        SimSocket child = q.acceptQueue().pollFirst();
        int n = q.nextChildNumber();
        child.setName(as.orElse(listener.name() + "." + n));
        child.setAcceptedAs(child.name());
        child.setHasFile(true);
        child.setSsConnected(true);
        child.setUid(acceptorUid);
        child.setParentListener(null);
        ns.sockets.adopt(child);
        return child;
    }

    /** tcp_reset() / tcp_done(): the connection is gone; the port goes unless it was bound explicitly. */
    void reset(SimSocket s, Errno error, Rule rule) {
        ns.log.event(new Event.SocketReset(s.name(), s.localEnd(), rule));
        boolean connecting = s.state() == TcpState.SYN_SENT;
        s.setState(TcpState.CLOSE);
        s.setPendingError(error);
        ns.ehash.remove(s);
        releaseIfUnlocked(s);
        // A reset connection keeps its peer (accept() shows it); a failed connect() does not.
        if (connecting) {
            afterFailedConnect(s);
        }
        s.localPeer().ifPresent(p -> p.setLocalPeer(null));
        s.setLocalPeer(null);
    }

    /**
     * A failed connect() is followed by tcp_disconnect(): the socket is unconnected again
     * (connect() or bind() may be tried anew), without its source address unless bound to one,
     * and sk_shutdown is cleared.
     */
    void afterFailedConnect(SimSocket s) {
        s.setPeer(null);
        s.setSendShutdown(false);
        s.setRecvShutdown(false);
        resetSourceAddress(s);
    }

    /** inet_bhash2_reset_saddr(): a source address the socket did not bind itself goes back to the wildcard. */
    void resetSourceAddress(SimSocket s) {
        if (!s.bindAddrLock() && !s.rcvSaddr().isAny()) {
            IpAddr any = s.family() == Family.IPV4 ? IpAddr.V4_ANY : IpAddr.V6_ANY;
            if (s.hashedInBindTable()) {
                ns.binds.moveAddress(s, any);
            } else {
                s.setRcvSaddr(any);
            }
        }
    }

    /**
     * tcp_disconnect() of a connecting socket (shutdown() in SYN_SENT): the attempt is dropped
     * without a RST, the socket is back in CLOSE with ECONNRESET pending, its retransmission
     * timer stops, and it is unconnected again (address and sk_shutdown as after a failed connect).
     */
    void disconnectConnecting(SimSocket s) {
        s.setState(TcpState.CLOSE);
        ns.ehash.remove(s);
        releaseIfUnlocked(s);
        s.setPendingError(Errno.ECONNRESET);
        afterFailedConnect(s);
    }

    /** tcp_set_state(TCP_CLOSE): an explicitly bound port stays until the socket is destroyed. */
    void releaseIfUnlocked(SimSocket s) {
        if (s.hashedInBindTable() && !s.bindPortLock()) {
            ns.binds.release(s, ns.profile);
        }
    }

    /** Destroys a socket nobody holds any more: out of every table. */
    void destroy(SimSocket s) {
        ns.ehash.remove(s);
        if (s.hashedInBindTable()) {
            ns.binds.release(s, ns.profile);
        }
        s.setState(TcpState.CLOSE);
    }

    /** tcp_disconnect() with an active reset: RST to the peer, then the socket is closed. */
    void abort(SimSocket s, Rule rule) {
        s.peer().ifPresent(peer -> wire.send(new Segment(s.localEnd(), peer, "RA", 0), rule));
        s.setState(TcpState.CLOSE);
        ns.ehash.remove(s);
    }

    /**
     * close() of a connected socket: FIN from ESTABLISHED (FIN_WAIT1) or CLOSE_WAIT (LAST_ACK);
     * unread data makes it a RST instead (tcp_close()).
     */
    void closeConnected(SimSocket s) {
        s.setHasFile(false);
        // tcp_close() sets sk_shutdown to SHUTDOWN_MASK.
        s.setRecvShutdown(true);
        switch (s.state()) {
            case SYN_SENT, CLOSE -> destroy(s);
            case ESTABLISHED, CLOSE_WAIT -> {
                if (s.unreadBytes() > 0) {
                    // RFC 2525 2.17: data the application never read is answered with a reset.
                    abort(s, Rule.RST_UNREAD_DATA);
                    destroy(s);
                } else {
                    sendFin(s);
                }
            }
            default -> { }
        }
    }

    /** Our FIN: ESTABLISHED becomes FIN_WAIT1, CLOSE_WAIT becomes LAST_ACK. */
    void sendFin(SimSocket s) {
        sendFin(s, Rule.SEGMENT_ANSWERED);
    }

    private void sendFin(SimSocket s, Rule rule) {
        s.setState(s.state() == TcpState.ESTABLISHED ? TcpState.FIN_WAIT1 : TcpState.LAST_ACK);
        wire.send(new Segment(s.localEnd(), s.peer().orElseThrow(), "FA", 0), rule);
    }

    /** tcp_time_wait(): the socket becomes a TIME_WAIT record that holds its port and 4-tuple. */
    TimeWaitSock timeWait(SimSocket s) {
        return timeWait(s, false);
    }

    /**
     * tcp_time_wait(TCP_FIN_WAIT2): an orphan whose FIN was acknowledged becomes the same record,
     * in substate FIN_WAIT2 until the peer's FIN comes.
     */
    TimeWaitSock orphanFinWait2(SimSocket s) {
        return timeWait(s, true);
    }

    /** tcp_timewait_state_process(), FIN_WAIT2 substate: the peer's FIN starts the TIME_WAIT period again. */
    void finInFinWait2(TimeWaitSock tw) {
        tw.finReceived(ns.now() + TIME_WAIT_MS);
        ns.timers.at(tw.expiresAtMs(), new TimerAction.TimeWaitEnd(tw));
    }

    private TimeWaitSock timeWait(SimSocket s, boolean finWait2) {
        TimeWaitSock tw = new TimeWaitSock(s.name(), s.family(), s.rcvSaddr(), s.port(), s.peer().orElseThrow(),
                s.skReuse(), s.reusePort(), s.boundDevice(), s.ipv6only(), s.connectBind(), ns.now() + TIME_WAIT_MS);
        if (finWait2) {
            tw.enterFinWait2();
        }
        ns.ehash.remove(s);
        ns.ehash.put(tw);
        if (s.hashedInBindTable()) {
            // The TIME_WAIT joins the owners; a socket that still has its file and bound its port
            // explicitly stays an owner too (tcp_done() keeps a BINDPORT_LOCK port).
            if (s.hasFile() && s.bindPortLock()) {
                ns.binds.addTimeWait(s, tw);
            } else {
                ns.binds.replaceWithTimeWait(s, tw);
            }
        }
        s.setState(TcpState.CLOSE);
        s.localPeer().ifPresent(p -> p.setLocalPeer(null));
        s.setLocalPeer(null);
        ns.timers.at(tw.expiresAtMs(), new TimerAction.TimeWaitEnd(tw));
        ns.log.event(new Event.TimeWait(tw.name(), tw.localEnd(), tw.remoteEnd(), Rule.TIME_WAIT_ENTERED));
        return tw;
    }

    /** inet_twsk_kill(): the record leaves both tables. */
    void endTimeWait(TimeWaitSock tw, Rule rule) {
        ns.ehash.remove(tw);
        ns.binds.release(tw, ns.profile);
        ns.log.event(new Event.TimeWait(tw.name(), tw.localEnd(), tw.remoteEnd(), rule));
    }
}
