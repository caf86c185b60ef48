package org.reuselab.core.host;

import org.reuselab.core.model.Rule;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.scenario.Step;

/** close() and shutdown() of sockets that hold no connection. */
final class CloseCall {

    private final Netns ns;

    CloseCall(Netns ns) {
        this.ns = ns;
    }

    /** tcp_close(): a listener or a bound socket releases its port at once (no TIME_WAIT). */
    StepResult close(SimSocket s) {
        boolean hadPort = s.hashedInBindTable();
        if (hadPort) {
            ns.binds.release(s, ns.profile);
        }
        s.setState(TcpState.CLOSE);
        s.setHasFile(false);
        ns.sockets.closed(s);
        return StepResult.ok(hadPort ? Rule.CLOSED_PORT_RELEASED : Rule.CLOSED_UNBOUND);
    }

    /**
     * inet_shutdown(): SHUT_WR on a listener does nothing; SHUT_RD/SHUT_RDWR disconnect it
     * (tcp_disconnect()), which keeps an explicitly bound port and releases an autobound one.
     */
    StepResult shutdown(SimSocket s, Step.How how) {
        if (s.state() == TcpState.CLOSE) {
            return StepResult.fail(Errno.ENOTCONN, Rule.ENOTCONN_SHUTDOWN);
        }
        if (s.state() != TcpState.LISTEN) {
            return StepResult.notModelled("shutdown of a " + s.state() + " socket");
        }
        if (how == Step.How.WR) {
            return StepResult.ok(Rule.SHUTDOWN_WR_LISTENER);
        }
        s.setState(TcpState.CLOSE);
        if (s.bindPortLock()) {
            return StepResult.ok(Rule.SHUTDOWN_LISTENER);
        }
        ns.binds.release(s, ns.profile);
        s.setPort(0);
        if (!s.bindAddrLock()) {
            s.setRcvSaddr(s.family() == Family.IPV4 ? IpAddr.V4_ANY : IpAddr.V6_ANY);
        }
        return StepResult.ok(Rule.SHUTDOWN_LISTENER_RELEASED);
    }
}
