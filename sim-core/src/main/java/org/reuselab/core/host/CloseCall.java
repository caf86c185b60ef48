package org.reuselab.core.host;

import org.reuselab.core.model.Rule;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.scenario.Step;

/** close() and shutdown(). */
final class CloseCall {

    private final Netns ns;
    private final Connections conns;
    private final ListenerStop stop;
    private final TcpInput input;

    CloseCall(Netns ns, Connections conns, ListenerStop stop, TcpInput input) {
        this.ns = ns;
        this.conns = conns;
        this.stop = stop;
        this.input = input;
    }

    /**
     * tcp_close(): a listener stops (children reset or migrated) and releases its port; a
     * connection sends its FIN (or RST); a socket with no connection just releases its port.
     */
    StepResult close(SimSocket s) {
        Rule rule;
        switch (s.state()) {
            case LISTEN -> {
                stop.stop(s);
                rule = release(s);
            }
            case CLOSE -> rule = release(s);
            default -> {
                conns.closeConnected(s);
                rule = Rule.CLOSED_PORT_RELEASED;
            }
        }
        s.setHasFile(false);
        ns.sockets.closed(s);
        if (s.listenQueue() == null || s.listenQueue().requests().isEmpty()) {
            ns.listening.destroy(s);
        }
        input.pump();
        return StepResult.ok(rule);
    }

    private Rule release(SimSocket s) {
        if (!s.hashedInBindTable()) {
            return Rule.CLOSED_UNBOUND;
        }
        ns.binds.release(s, ns.profile);
        return Rule.CLOSED_PORT_RELEASED;
    }

    /**
     * inet_shutdown(): SHUT_WR on a listener does nothing; SHUT_RD/SHUT_RDWR stop it
     * (tcp_disconnect()), which keeps an explicitly bound port and releases an autobound one.
     * On a connection, SHUT_WR sends the FIN.
     */
    StepResult shutdown(SimSocket s, Step.How how) {
        // inet_shutdown() records SHUT_WR in sk_shutdown except for a listener (and tcp_disconnect()
        // clears it for one that stops).
        if (how != Step.How.RD && s.state() != TcpState.LISTEN) {
            s.setSendShutdown(true);
        }
        if (how != Step.How.WR && s.state() != TcpState.LISTEN) {
            s.setRecvShutdown(true);
        }
        return switch (s.state()) {
            case CLOSE -> StepResult.fail(Errno.ENOTCONN, Rule.ENOTCONN_SHUTDOWN);
            case LISTEN -> shutdownListener(s, how);
            case SYN_SENT -> {
                // inet_shutdown(): a connecting socket is disconnected whatever the direction.
                conns.disconnectConnecting(s);
                yield StepResult.ok(Rule.SHUTDOWN_CONNECTING);
            }
            case ESTABLISHED, CLOSE_WAIT -> {
                if (how != Step.How.RD) {
                    conns.sendFin(s);
                    input.pump();
                }
                yield StepResult.ok(Rule.SEGMENT_ANSWERED);
            }
            default -> StepResult.ok(Rule.SEGMENT_ANSWERED);
        };
    }

    private StepResult shutdownListener(SimSocket s, Step.How how) {
        if (how == Step.How.WR) {
            return StepResult.ok(Rule.SHUTDOWN_WR_LISTENER);
        }
        stop.stop(s);
        // tcp_disconnect() sets sk_shutdown to 0: a SHUT_WR recorded before listen() is gone, so a
        // later connect() is an ordinary one (observed on 6.1 and 6.18: fuzz seed 4719).
        s.setSendShutdown(false);
        s.setRecvShutdown(false);
        input.pump();
        if (s.bindPortLock()) {
            return StepResult.ok(Rule.SHUTDOWN_LISTENER);
        }
        conns.releaseIfUnlocked(s);
        s.setPort(0);
        if (!s.bindAddrLock()) {
            s.setRcvSaddr(s.family() == Family.IPV4 ? IpAddr.V4_ANY : IpAddr.V6_ANY);
        }
        return StepResult.ok(Rule.SHUTDOWN_LISTENER_RELEASED);
    }
}
