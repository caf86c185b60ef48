package org.reuselab.core.host;

import java.util.Optional;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.conn.Segment;
import org.reuselab.core.model.listen.Selection;
import org.reuselab.core.model.sock.EhashEntry;
import org.reuselab.core.model.sock.RequestSock;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.model.sock.TimeWaitSock;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.TcpState;

/**
 * The receive path (tcp_v4_rcv() / tcp_v6_rcv()): the established hash first (connections,
 * requests, TIME_WAIT), then the listeners, else a RST.
 */
final class TcpInput {

    private final Netns ns;
    private final Wire wire;
    private final Connections conns;
    private final Requests requests;

    TcpInput(Netns ns, Wire wire, Connections conns, Requests requests) {
        this.ns = ns;
        this.wire = wire;
        this.conns = conns;
        this.requests = requests;
    }

    /** Segments between two sockets of one step, at most: more means the model is looping (a bug). */
    private static final int LOOPBACK_LIMIT = 1_000_000;

    /** Delivers every segment the host sent to itself, in order, until none is left. */
    void pump() {
        for (int n = 0; !ns.loopback.isEmpty(); n++) {
            if (n == LOOPBACK_LIMIT) {
                throw new IllegalStateException("model error: more than " + LOOPBACK_LIMIT
                        + " loopback segments in one step, last " + ns.loopback.peekFirst());
            }
            receive(ns.loopback.pollFirst());
        }
    }

    void receive(Segment seg) {
        Optional<EhashEntry> entry = ns.ehash.find(seg.to(), seg.from());
        if (entry.isEmpty()) {
            toListener(seg);
            return;
        }
        switch (entry.get()) {
            case RequestSock r -> requests.onSegment(r, seg, this);
            case SimSocket s -> onSocket(s, seg);
            case TimeWaitSock tw -> onTimeWait(tw, seg);
        }
    }

    /** No connection: the listener lookup, else a RST (tcp_v4_send_reset()). */
    void toListener(Segment seg) {
        String dev = ns.addresses.deviceFor(seg.from().addr());
        Optional<Selection> sel = ns.selector.select(seg.to(), seg.from(), dev, seg.payload());
        if (sel.isEmpty()) {
            if (!seg.rst()) {
                wire.reply(seg, seg.ack() ? "R" : "RA", Rule.NO_LISTENER);
            }
            return;
        }
        requests.onListener(sel.get(), seg, this);
    }

    private void onSocket(SimSocket s, Segment seg) {
        if (seg.rst()) {
            boolean connecting = s.state() == TcpState.SYN_SENT;
            conns.reset(s, connecting ? Errno.ECONNREFUSED : Errno.ECONNRESET,
                    connecting ? Rule.CONNECT_REFUSED : Rule.CONNECTION_RESET);
            return;
        }
        switch (s.state()) {
            case SYN_SENT -> {
                if (seg.syn() && seg.ack()) {
                    s.setState(TcpState.ESTABLISHED);
                    wire.reply(seg, "A", Rule.CONNECTED);
                } else if (seg.syn()) {
                    // Simultaneous open (also a socket connecting to its own address and port).
                    s.setState(TcpState.SYN_RECV);
                    s.setSimultaneousOpen(true);
                    wire.reply(seg, "SA", Rule.SIMULTANEOUS_OPEN);
                }
            }
            case SYN_RECV -> {
                if (seg.ack()) {
                    s.setState(TcpState.ESTABLISHED);
                    if (seg.syn()) {
                        wire.reply(seg, "A", Rule.SIMULTANEOUS_OPEN);
                    }
                    // tcp_rcv_state_process(): a shutdown(SHUT_WR) made before sends its FIN now.
                    if (s.sendShutdown()) {
                        conns.sendFin(s);
                    }
                }
            }
            case ESTABLISHED -> established(s, seg);
            case FIN_WAIT1, FIN_WAIT2 -> finWait(s, seg);
            case LAST_ACK -> {
                if (seg.ack()) {
                    conns.destroy(s);
                }
            }
            case CLOSING -> {
                // Both FINs crossed: the ACK of ours ends it in TIME_WAIT.
                if (seg.ack()) {
                    conns.timeWait(s);
                }
            }
            case CLOSE_WAIT, CLOSE, LISTEN, NEW_SYN_RECV, TIME_WAIT -> { }
        }
    }

    /**
     * tcp_child_process(): the new child takes the data and FIN that came with the final ACK. A
     * child that sent its FIN at once (an inherited SHUT_WR) meets the peer's FIN in CLOSING; the
     * final ACK itself acknowledges only the SYN-ACK.
     */
    void afterHandshake(SimSocket child, Segment seg, Rule rule) {
        if (seg.payload() == 0 && !seg.fin()) {
            return;
        }
        if (child.state() == TcpState.ESTABLISHED) {
            if (seg.payload() > 0) {
                child.addUnread(seg.payload());
            }
            if (seg.fin()) {
                child.setState(TcpState.CLOSE_WAIT);
            }
            wire.reply(seg, "A", rule);
            return;
        }
        if (resetIfNotReceiving(child, seg)) {
            return;
        }
        if (seg.payload() > 0) {
            child.addUnread(seg.payload());
        }
        if (seg.fin()) {
            child.setState(TcpState.CLOSING);
        }
        wire.reply(seg, "A", rule);
    }

    private void established(SimSocket s, Segment seg) {
        if (seg.syn()) {
            // RFC 5961: a SYN on an established connection gets a challenge ACK.
            wire.reply(seg, "A", Rule.SEGMENT_ANSWERED);
            return;
        }
        if (seg.payload() > 0) {
            s.addUnread(seg.payload());
        }
        if (seg.fin()) {
            s.setState(TcpState.CLOSE_WAIT);
        }
        if (seg.fin() || seg.payload() > 0) {
            wire.reply(seg, "A", Rule.SEGMENT_ANSWERED);
        }
    }

    /**
     * FIN_WAIT: the peer's ACK of our FIN, then its FIN. An orphan whose FIN was acknowledged
     * becomes a FIN_WAIT2 mini-socket. Data is queued and acknowledged, unless the socket no
     * longer receives.
     */
    private void finWait(SimSocket s, Segment seg) {
        if (resetIfNotReceiving(s, seg)) {
            return;
        }
        if (seg.payload() > 0) {
            s.addUnread(seg.payload());
            if (!seg.fin()) {
                wire.reply(seg, "A", Rule.SEGMENT_ANSWERED);
            }
        }
        if (seg.fin()) {
            wire.reply(seg, "A", Rule.SEGMENT_ANSWERED);
            conns.timeWait(s);
            return;
        }
        if (seg.ack()) {
            // Only an orphan (closed by its owner, SOCK_DEAD) leaves for TIME_WAIT at once; a
            // child still in its listener's accept queue is not one.
            if (s.hasFile() || s.parentListener().isPresent()) {
                s.setState(TcpState.FIN_WAIT2);
            } else if (s.state() == TcpState.FIN_WAIT1) {
                conns.orphanFinWait2(s);
            }
        }
    }

    /**
     * tcp_rcv_state_process(), FIN_WAIT1/FIN_WAIT2 with RCV_SHUTDOWN: new data is answered with a
     * RST and the connection is gone (RFC 1122). Returns whether that happened.
     */
    private boolean resetIfNotReceiving(SimSocket s, Segment seg) {
        if (seg.payload() == 0 || !s.recvShutdown()) {
            return false;
        }
        wire.reply(seg, "R", Rule.RST_DATA_AFTER_SHUTDOWN);
        conns.reset(s, Errno.ECONNRESET, Rule.RST_DATA_AFTER_SHUTDOWN);
        return true;
    }

    /** tcp_timewait_state_process(): a RST kills it (tcp_rfc1337=0), a new SYN may start over, a FIN is re-ACKed. */
    private void onTimeWait(TimeWaitSock tw, Segment seg) {
        if (tw.finWait2()) {
            onFinWait2(tw, seg);
        } else if (seg.rst()) {
            conns.endTimeWait(tw, Rule.TIME_WAIT_KILLED);
        } else if (seg.syn() && !seg.ack()) {
            conns.endTimeWait(tw, Rule.TIME_WAIT_KILLED);
            toListener(seg);
        } else if (seg.fin() || seg.payload() > 0) {
            wire.reply(seg, "A", Rule.TIME_WAIT_ANSWERED);
        }
    }

    /**
     * tcp_timewait_state_process(), FIN_WAIT2 substate: a RST ends it; a SYN, or new data after
     * the half-close, is answered with a RST and ends it; the peer's FIN alone is acknowledged and
     * turns it into TIME_WAIT; a plain ACK changes nothing.
     */
    private void onFinWait2(TimeWaitSock tw, Segment seg) {
        if (seg.rst()) {
            conns.endTimeWait(tw, Rule.TIME_WAIT_KILLED);
        } else if (seg.syn() || seg.payload() > 0) {
            wire.reply(seg, seg.ack() ? "R" : "RA", Rule.RST_DATA_AFTER_SHUTDOWN);
            conns.endTimeWait(tw, Rule.RST_DATA_AFTER_SHUTDOWN);
        } else if (seg.fin()) {
            conns.finInFinWait2(tw);
            wire.reply(seg, "A", Rule.TIME_WAIT_ANSWERED);
        }
    }
}
