package org.reuselab.core.host;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.reuselab.core.kernel.SysctlKey;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.conn.Segment;
import org.reuselab.core.model.hash.FlowPicker;
import org.reuselab.core.model.listen.ReuseportGroup;
import org.reuselab.core.model.listen.Selection;
import org.reuselab.core.model.sock.ListenQueue;
import org.reuselab.core.model.sock.RequestSock;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.FourTuple;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.trace.Event;

/**
 * The passive handshake: a SYN at a listener (tcp_conn_request()), the request's later segments
 * and final ACK (tcp_check_req()), its SYN-ACK timer (reqsk_timer_handler()), and migration of
 * requests whose listener closed (reuseport_migrate_sock(), 5.14+).
 */
final class Requests {

    /** TCP_TIMEOUT_INIT and TCP_RTO_MAX. */
    static final long TIMEOUT_INIT_MS = 1_000;
    static final long RTO_MAX_MS = 120_000;
    /** TCP_SYNCOOKIE_VALID: how long after an overflow cookies are checked. */
    private static final long COOKIE_VALID_MS = 120_000;

    private final Netns ns;
    private final Wire wire;
    private final Connections conns;
    private final Server server;
    private final Map<FourTuple, SimSocket> cookies = new HashMap<>();

    Requests(Netns ns, Wire wire, Connections conns, Server server) {
        this.ns = ns;
        this.wire = wire;
        this.conns = conns;
        this.server = server;
    }

    void onListener(Selection sel, Segment seg, TcpInput input) {
        SimSocket l = sel.listener();
        if (seg.rst()) {
            return;
        }
        if (!ns.profile.requestsInEhash()) {
            Optional<RequestSock> inTable = l.listenQueue().requests().stream()
                    .filter(r -> r.localEnd().equals(seg.to()) && r.remoteEnd().equals(seg.from())).findFirst();
            if (inTable.isPresent()) {
                onSegment(inTable.get(), seg, input);
                return;
            }
        }
        if (seg.syn() && !seg.ack()) {
            ns.log.event(new Event.Selected(seg.from(), seg.to(), l.name(), ns.log.detailed() ? sel.describe() : "",
                    sel.rule()));
            connRequest(l, seg);
        } else if (seg.ack()) {
            ackAtListener(l, seg, input);
        }
    }

    /** tcp_conn_request() in the kernel's order: SYN queue and cookies, accept queue, backlog quarter. */
    private void connRequest(SimSocket l, Segment seg) {
        ListenQueue q = l.listenQueue();
        int syncookies = ns.sysctls.getInt(SysctlKey.TCP_SYNCOOKIES);
        boolean wantCookie = false;
        if (syncookies == 2 || synQueueFull(l)) {
            if (syncookies == 0) {
                wire.dropped(seg, Rule.SYN_DROPPED_SYNQ_FULL);
                return;
            }
            wantCookie = true;
            q.noteSynOverflow(ns.now());
        }
        if (acceptQueueFull(l) && (ns.profile.synDroppedWhenAcceptQueueFull() || q.young() > 1)) {
            wire.dropped(seg, Rule.SYN_DROPPED_ACCEPTQ_FULL);
            return;
        }
        int maxSyn = ns.sysctls.getInt(SysctlKey.TCP_MAX_SYN_BACKLOG);
        if (!wantCookie && syncookies == 0 && maxSyn - q.requests().size() < (maxSyn >> 2)) {
            wire.dropped(seg, Rule.SYN_DROPPED_BACKLOG_QUARTER);
            return;
        }
        if (wantCookie) {
            cookies.put(new FourTuple(seg.to(), seg.from()), l);
            wire.reply(seg, "SA", Rule.SYN_COOKIE_SENT);
            return;
        }
        RequestSock req = new RequestSock(l, seg.to(), seg.from(), ns.now(), ns.now() + TIMEOUT_INIT_MS);
        q.requests().add(req);
        if (ns.profile.requestsInEhash()) {
            ns.ehash.put(req);
        }
        req.setTimer(ns.timers.at(req.timerAtMs(), new TimerAction.SynAck(req)));
        wire.reply(seg, "SA", Rule.SYN_ACK_SENT);
    }

    boolean acceptQueueFull(SimSocket l) {
        return l.listenQueue().acceptQueue().size() > l.backlog();
    }

    private boolean synQueueFull(SimSocket l) {
        int qlen = l.listenQueue().requests().size();
        return switch (ns.profile.synQueueLimit()) {
            case BACKLOG_GT -> qlen > l.backlog();
            case BACKLOG_GE -> qlen >= l.backlog();
            case MAX_QLEN_LOG -> qlen >= maxQlen(l);
        };
    }

    /** 3.x reqsk_queue_alloc(): a power of two above max(8, min(backlog, tcp_max_syn_backlog)). */
    private int maxQlen(SimSocket l) {
        int entries = Math.max(8, Math.min(l.backlog(), ns.sysctls.getInt(SysctlKey.TCP_MAX_SYN_BACKLOG)));
        return Integer.highestOneBit(entries + 1) << (Integer.bitCount(entries + 1) == 1 ? 0 : 1);
    }

    /** An ACK at a listener with no request: a valid cookie after a recent overflow, else a RST. */
    private void ackAtListener(SimSocket l, Segment seg, TcpInput input) {
        FourTuple tuple = new FourTuple(seg.to(), seg.from());
        SimSocket cookieListener = cookies.get(tuple);
        boolean recent = ns.now() - l.listenQueue().lastSynOverflowMs() < COOKIE_VALID_MS;
        if (cookieListener != null && recent && ns.sysctls.getInt(SysctlKey.TCP_SYNCOOKIES) != 0) {
            cookies.remove(tuple);
            if (acceptQueueFull(l)) {
                wire.dropped(seg, Rule.ACK_DROPPED_ACCEPTQ_FULL);
                return;
            }
            RequestSock req = new RequestSock(l, seg.to(), seg.from(), ns.now(), ns.now());
            queueChild(l, req, seg, Rule.COOKIE_ACCEPTED, input);
            return;
        }
        Rule why = ns.profile.requestsInEhash() ? Rule.ACK_TO_LISTENER : Rule.REQUEST_NOT_IN_SYN_TABLE;
        wire.reply(seg, "R", why);
    }

    /** A segment for a pending request (TCP_NEW_SYN_RECV in tcp_v4_rcv(), then tcp_check_req()). */
    void onSegment(RequestSock req, Segment seg, TcpInput input) {
        SimSocket l = req.listener();
        if (l.state() != TcpState.LISTEN) {
            Optional<SimSocket> target = migrate(req, Rule.MIGRATED_AT_ACK);
            if (target.isEmpty()) {
                drop(req);
                ns.log.event(new Event.ListenerChange(req.remoteEnd(), l.name(), "", Rule.REQUEST_LISTENER_CLOSED));
                input.toListener(seg);
                return;
            }
            l = target.get();
        }
        if (seg.rst()) {
            drop(req);
        } else if (seg.syn() && !seg.ack()) {
            wire.reply(seg, "SA", Rule.SYN_ACK_RESENT);
        } else if (seg.ack()) {
            finalAck(l, req, seg, input);
        }
    }

    private void finalAck(SimSocket l, RequestSock req, Segment seg, TcpInput input) {
        if (acceptQueueFull(l)) {
            if (ns.sysctls.getInt(SysctlKey.TCP_ABORT_ON_OVERFLOW) != 0) {
                wire.reply(seg, "R", Rule.RST_ACCEPTQ_FULL_ABORT);
                drop(req);
            } else {
                req.markAcked();
                wire.dropped(seg, Rule.ACK_DROPPED_ACCEPTQ_FULL);
            }
            return;
        }
        drop(req);
        queueChild(l, req, seg, Rule.CHILD_QUEUED, input);
    }

    private void queueChild(SimSocket l, RequestSock req, Segment seg, Rule rule, TcpInput input) {
        SimSocket child = conns.makeChild(l, req);
        ns.log.queued(seg.to(), seg.from(), l.name());
        ns.log.event(new Event.Queued(seg.from(), l.name(), rule));
        input.afterHandshake(child, seg, rule);
        server.serveIfServing(l);
    }

    /** The request leaves its listener's queue and the established hash. */
    void drop(RequestSock req) {
        SimSocket l = req.listener();
        l.listenQueue().requests().remove(req);
        ns.ehash.remove(req);
        ns.timers.cancel(req.timer());
        server.destroyIfDone(l);
    }

    /**
     * reuseport_migrate_sock(): only a listener kept in its group's closed section (closed with
     * tcp_migrate_req=1) hands its requests over, to the member the request's hash picks.
     */
    Optional<SimSocket> migrate(RequestSock req, Rule rule) {
        SimSocket from = req.listener();
        if (!(from.reuseportGroup() instanceof ReuseportGroup g) || !g.closed().contains(from)) {
            return Optional.empty();
        }
        Optional<SimSocket> to = ns.selector.migrationTarget(from, req.localEnd(), req.remoteEnd(),
                FlowPicker.Purpose.MIGRATE_REQUEST);
        to.ifPresent(t -> {
            from.listenQueue().requests().remove(req);
            req.moveTo(t);
            t.listenQueue().requests().add(req);
            ns.log.event(new Event.ListenerChange(req.remoteEnd(), from.name(), t.name(), rule));
            server.destroyIfDone(from);
        });
        return to;
    }

    /** reqsk_timer_handler(): migrate or drop for a closed listener, else resend or expire. */
    void timer(RequestSock req) {
        SimSocket l = req.listener();
        if (!l.listenQueue().requests().contains(req)) {
            return;
        }
        if (l.state() != TcpState.LISTEN) {
            Optional<SimSocket> target = migrate(req, Rule.MIGRATED_AT_TIMER);
            if (target.isEmpty()) {
                drop(req);
                ns.log.event(new Event.ListenerChange(req.remoteEnd(), l.name(), "", Rule.REQUEST_DROPPED_BY_TIMER));
                return;
            }
            l = target.get();
        }
        if (req.numTimeout() >= maxRetries(l)) {
            drop(req);
            ns.log.event(new Event.ListenerChange(req.remoteEnd(), l.name(), "", Rule.REQUEST_EXPIRED));
            return;
        }
        wire.send(new Segment(req.localEnd(), req.remoteEnd(), "SA", 0), Rule.SYN_ACK_RETRANSMIT);
        req.timedOut();
        long next = Math.min(TIMEOUT_INIT_MS << req.numTimeout(), RTO_MAX_MS);
        req.setTimerAtMs(ns.now() + next);
        req.setTimer(ns.timers.at(req.timerAtMs(), new TimerAction.SynAck(req)));
    }

    /** tcp_synack_retries, lowered while the queue is more than half full of old requests. */
    private int maxRetries(SimSocket l) {
        int max = ns.sysctls.getInt(SysctlKey.TCP_SYNACK_RETRIES);
        ListenQueue q = l.listenQueue();
        int qlen = q.requests().size();
        if ((qlen << 1) > Math.max(8, l.backlog())) {
            int young = q.young() << 1;
            while (max > 2 && qlen >= young) {
                max--;
                young <<= 1;
            }
        }
        return max;
    }
}
