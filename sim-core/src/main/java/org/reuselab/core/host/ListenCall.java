package org.reuselab.core.host;

import java.util.Optional;
import org.reuselab.core.kernel.SysctlKey;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.sock.ListenQueue;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.trace.Why;

/**
 * listen(): __inet_listen_sk() and inet_csk_listen_start(). The state becomes LISTEN first and
 * the port is then checked again against every other owner (or chosen, for an unbound socket);
 * a failure returns the socket to CLOSE, still bound.
 */
final class ListenCall {

    private final Netns ns;
    private final BindCall bind;

    ListenCall(Netns ns, BindCall bind) {
        this.ns = ns;
        this.bind = bind;
    }

    StepResult listen(SimSocket s, int backlog) {
        if (s.ssConnected() || s.peer().isPresent()
                || (s.state() != TcpState.CLOSE && s.state() != TcpState.LISTEN)) {
            return StepResult.fail(Errno.EINVAL, Rule.EINVAL_LISTEN_STATE);
        }
        int effective = effectiveBacklog(backlog);
        if (s.state() == TcpState.LISTEN) {
            s.setBacklog(effective);
            return StepResult.ok(s.local(), Why.of(Rule.LISTEN_BACKLOG_UPDATED));
        }
        s.setState(TcpState.LISTEN);
        BindCall.Claim claimed = bind.claimPort(s, s.port());
        Why why = claimed.why();
        if (!claimed.ok()) {
            s.setState(TcpState.CLOSE);
            return StepResult.fail(Errno.EADDRINUSE, why);
        }
        if (ns.profile.disconnectKeepsRole() && s.wasInEhash()) {
            // Observed on 6.18.44-fc-v1045: the port check (or autobind) has run and its port stays.
            s.setState(TcpState.CLOSE);
            ns.sockets.notePort(s);
            return StepResult.fail(Errno.EINVAL, Rule.EINVAL_LISTEN_AFTER_CONNECT);
        }
        s.setBacklog(effective);
        if (s.listenQueue() == null) {
            s.setListenQueue(new ListenQueue());
        }
        Optional<Errno> hashed = ns.listening.hash(s);
        if (hashed.isPresent()) {
            s.setState(TcpState.CLOSE);
            return StepResult.fail(hashed.get(), Rule.EBUSY_REUSEPORT_GROUP);
        }
        s.markListening();
        ns.sockets.notePort(s);
        return StepResult.ok(s.local(), why);
    }

    /** __sys_listen(): the backlog is capped by somaxconn, compared as unsigned (so -1 means somaxconn). */
    private int effectiveBacklog(int backlog) {
        int somaxconn = ns.sysctls.getInt(SysctlKey.SOMAXCONN);
        return Integer.compareUnsigned(backlog, somaxconn) > 0 ? somaxconn : backlog;
    }
}
