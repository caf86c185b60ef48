package org.reuselab.core.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.reuselab.core.kernel.SysctlKey;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.conn.Segment;
import org.reuselab.core.model.sock.EhashEntry;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.model.sock.TimeWaitSock;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.Why;

/** Local clients: connect() (with autobind), accept(), serve and write() on the simulated host. */
final class ClientCalls {

    private final Netns ns;
    private final Wire wire;
    private final Connections conns;
    private final TcpInput input;
    private final Clock clock;
    private final Server server;

    ClientCalls(Netns ns, Wire wire, Connections conns, TcpInput input, Clock clock, Server server) {
        this.ns = ns;
        this.wire = wire;
        this.conns = conns;
        this.input = input;
        this.clock = clock;
        this.server = server;
    }

    /** connect() of one socket; waits (virtual time) until the handshake settles or the timeout passes. */
    StepResult connect(SimSocket s, Endpoint to, long timeoutMs) {
        Optional<StepResult> refused = precheck(s, to);
        if (refused.isPresent()) {
            return refused.get();
        }
        Endpoint dst = to.addr().isAny() ? new Endpoint(to.addr().isV4() ? IpAddr.V4_LOOPBACK : IpAddr.V6_LOOPBACK,
                to.port()) : to;
        if (dst.addr().isV4Mapped()) {
            // tcp_v6_connect() hands a v4-mapped destination to the IPv4 code.
            if (s.ipv6only()) {
                return StepResult.fail(Errno.ENETUNREACH, Rule.CONNECT_NO_ROUTE);
            }
            dst = new Endpoint(dst.addr().toV4(), dst.port());
        } else if (s.family() == Family.IPV6 && s.rcvSaddr().isV4Mapped()) {
            return StepResult.fail(Errno.EAFNOSUPPORT, Rule.EAFNOSUPPORT_FAMILY);
        }
        if (!ns.addresses.routable(dst.addr())) {
            return StepResult.fail(Errno.ENETUNREACH, Rule.CONNECT_NO_ROUTE);
        }
        IpAddr src = s.rcvSaddr().isAny() ? ns.addresses.sourceFor(dst.addr()) : wireAddr(s.rcvSaddr());
        Optional<StepResult> bound = bindForConnect(s, src, dst);
        if (bound.isPresent()) {
            return bound.get();
        }
        if (ns.profile.disconnectKeepsRole() && s.wasListening()) {
            // Observed on 6.18.44-fc-v1045: the socket leaves as tcp_v4_connect()'s failure path leaves it.
            conns.releaseIfUnlocked(s);
            conns.resetSourceAddress(s);
            return StepResult.fail(Errno.EINVAL, Rule.EINVAL_CONNECT_AFTER_LISTEN);
        }
        s.setPeer(dst);
        s.setState(TcpState.SYN_SENT);
        // A new attempt starts with no error pending (observed after shutdown() in SYN_SENT, 6.18).
        s.setPendingError(null);
        s.markInEhash();
        s.countConnect();
        ns.ehash.put(s);
        wire.send(new Segment(s.localEnd(), dst, "S", 0), Rule.CONNECTED);
        ns.timers.at(ns.now() + Requests.TIMEOUT_INIT_MS, new TimerAction.SynRetry(s, 1, s.connects()));
        input.pump();
        clock.runWhile(() -> s.state() == TcpState.SYN_SENT, ns.now() + timeoutMs, false);
        return settled(s);
    }

    private static IpAddr wireAddr(IpAddr a) {
        return a.isV4Mapped() ? a.toV4() : a;
    }

    private Optional<StepResult> precheck(SimSocket s, Endpoint to) {
        if (s.state() == TcpState.SYN_SENT) {
            return Optional.of(StepResult.fail(Errno.EALREADY, Rule.EALREADY_CONNECT));
        }
        if (s.ssConnected() || s.state() != TcpState.CLOSE || s.peer().isPresent()) {
            return Optional.of(StepResult.fail(Errno.EISCONN, Rule.EISCONN_CONNECT));
        }
        if (s.family() == Family.IPV4 && !to.addr().isV4()) {
            return Optional.of(StepResult.fail(Errno.EAFNOSUPPORT, Rule.EAFNOSUPPORT_FAMILY));
        }
        if (s.family() == Family.IPV6 && to.addr().isV4()) {
            return Optional.of(StepResult.fail(Errno.EINVAL, Rule.EINVAL_SHORT_SOCKADDR));
        }
        return Optional.empty();
    }

    /**
     * A bound socket only needs a unique 4-tuple (and moves off a wildcard address); an unbound
     * one gets a port from {@code __inet_hash_connect()}.
     */
    private Optional<StepResult> bindForConnect(SimSocket s, IpAddr src, Endpoint dst) {
        if (s.hashedInBindTable()) {
            if (!tupleFree(new Endpoint(src, s.port()), dst, true)) {
                return Optional.of(StepResult.fail(Errno.EADDRNOTAVAIL, Rule.CONNECT_TUPLE_IN_USE));
            }
            reuseTimeWait(new Endpoint(src, s.port()), dst);
            if (s.rcvSaddr().isAny()) {
                ns.binds.moveAddress(s, s.family() == Family.IPV6 ? src.toV6() : src);
            }
            return Optional.empty();
        }
        OptionalInt port = ns.connectSearch.find(s, src, dst, ns.sysctls, ns.binds,
                p -> tupleFree(new Endpoint(src, p), dst, false));
        if (port.isEmpty()) {
            return Optional.of(StepResult.fail(Errno.EADDRNOTAVAIL, Rule.CONNECT_NO_PORT));
        }
        reuseTimeWait(new Endpoint(src, port.getAsInt()), dst);
        s.setRcvSaddr(s.family() == Family.IPV6 ? src.toV6() : src);
        ns.binds.hashConnectBound(s, port.getAsInt());
        ns.sockets.notePort(s);
        return Optional.empty();
    }

    /**
     * __inet_check_established(): free, or a TIME_WAIT connect() may take over. For a port the
     * socket bound itself (no twp), a TIME_WAIT with timestamps (always, in the model) is taken
     * at once; for a chosen port, tcp_tw_reuse and a second's age decide (tcp_twsk_unique()).
     */
    private boolean tupleFree(Endpoint local, Endpoint remote, boolean boundPort) {
        Optional<EhashEntry> e = ns.ehash.find(local, remote);
        return e.isEmpty() || (e.get() instanceof TimeWaitSock tw && (boundPort || timeWaitReusable(tw)));
    }

    /** tcp_twsk_unique(): tcp_tw_reuse 1 (or 2 on loopback) and at least a second in TIME_WAIT. */
    private boolean timeWaitReusable(TimeWaitSock tw) {
        int reuse = ns.sysctls.getInt(SysctlKey.TCP_TW_REUSE);
        boolean loopback = tw.rcvSaddr().isV4Loopback() || tw.rcvSaddr().equals(IpAddr.V6_LOOPBACK);
        boolean allowed = reuse == 1 || (reuse == 2 && loopback);
        long age = ns.now() - (tw.expiresAtMs() - Connections.TIME_WAIT_MS);
        return allowed && age >= 1_000;
    }

    private void reuseTimeWait(Endpoint local, Endpoint remote) {
        ns.ehash.find(local, remote).ifPresent(e -> {
            if (e instanceof TimeWaitSock tw) {
                conns.endTimeWait(tw, Rule.TIME_WAIT_REUSED);
            }
        });
    }

    private StepResult settled(SimSocket s) {
        if (s.state() == TcpState.ESTABLISHED || s.state() == TcpState.CLOSE_WAIT) {
            s.setSsConnected(true);
        }
        return switch (s.state()) {
            case ESTABLISHED, CLOSE_WAIT -> StepResult.ok(s.local(),
                    Why.of(s.simultaneousOpen() ? Rule.SIMULTANEOUS_OPEN : Rule.CONNECTED));
            case SYN_SENT -> StepResult.fail(Errno.ETIMEDOUT, Rule.CONNECT_TIMED_OUT);
            default -> {
                // __inet_stream_connect(): closed without an error is ECONNABORTED.
                Errno e = s.pendingError().orElse(Errno.ECONNABORTED);
                s.setPendingError(null);
                conns.afterFailedConnect(s);
                yield StepResult.fail(e, switch (e) {
                    case ECONNREFUSED -> Rule.CONNECT_REFUSED;
                    case ECONNABORTED -> Rule.CONNECT_ABORTED;
                    default -> Rule.CONNECTION_RESET;
                });
            }
        };
    }

    /** accept() once: the oldest child, EAGAIN when none, EINVAL when not listening. */
    StepResult accept(SimSocket l, Optional<String> as) {
        if (l.state() != TcpState.LISTEN) {
            return StepResult.fail(Errno.EINVAL, Rule.ACCEPT_NOT_LISTENING);
        }
        if (l.listenQueue().acceptQueue().isEmpty()) {
            return StepResult.fail(Errno.EAGAIN, Rule.ACCEPT_EMPTY);
        }
        SimSocket child = conns.accept(l, as, 0);
        return new StepResult(new Outcome.Accepted(List.of(new Outcome.Child(child.name(), child.peerName().orElseThrow()))),
                Optional.of(Why.of(Rule.ACCEPTED)));
    }

    StepResult acceptAll(SimSocket l) {
        if (l.state() != TcpState.LISTEN) {
            return StepResult.fail(Errno.EINVAL, Rule.ACCEPT_NOT_LISTENING);
        }
        List<Outcome.Child> taken = new ArrayList<>();
        while (!l.listenQueue().acceptQueue().isEmpty()) {
            SimSocket child = conns.accept(l, Optional.empty(), 0);
            taken.add(new Outcome.Child(child.name(), child.peerName().orElseThrow()));
        }
        return new StepResult(new Outcome.Accepted(taken),
                Optional.of(Why.of(taken.isEmpty() ? Rule.ACCEPT_EMPTY : Rule.ACCEPTED)));
    }

    StepResult serve(SimSocket l, boolean on, boolean closes) {
        if (l.state() != TcpState.LISTEN) {
            return StepResult.fail(Errno.EINVAL, Rule.ACCEPT_NOT_LISTENING);
        }
        l.listenQueue().setServing(on, closes);
        server.serveIfServing(l);
        input.pump();
        return StepResult.ok(Rule.SERVING);
    }

    /** write(): data to the peer; a reset connection reports its error once, then EPIPE. */
    StepResult write(SimSocket s, int bytes) {
        if (s.pendingError().isPresent()) {
            Errno e = s.pendingError().get();
            s.setPendingError(null);
            return StepResult.fail(e, Rule.WRITE_RESET);
        }
        if (s.state() != TcpState.ESTABLISHED && s.state() != TcpState.CLOSE_WAIT) {
            return StepResult.fail(Errno.EPIPE, Rule.WRITE_RESET);
        }
        wire.send(new Segment(s.localEnd(), s.peer().orElseThrow(), "PA", bytes), Rule.WRITE_OK);
        input.pump();
        return StepResult.ok(Rule.WRITE_OK);
    }
}
