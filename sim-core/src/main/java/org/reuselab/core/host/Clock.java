package org.reuselab.core.host;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.reuselab.core.kernel.SysctlKey;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.conn.Segment;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.TcpState;

/** Runs the virtual clock: fires due timers in order, delivering what they send. */
final class Clock {

    private final Netns ns;
    private final Wire wire;
    private final Connections conns;
    private final Requests requests;
    private final TcpInput input;

    Clock(Netns ns, Wire wire, Connections conns, Requests requests, TcpInput input) {
        this.ns = ns;
        this.wire = wire;
        this.conns = conns;
        this.requests = requests;
        this.input = input;
    }

    /**
     * Fires timers while {@code condition} holds and a timer is due before the deadline
     * ({@code inclusive}: at or before it); then, if the condition still holds, the clock moves to
     * the deadline.
     */
    void runWhile(BooleanSupplier condition, long deadlineMs, boolean inclusive) {
        long limit = inclusive ? deadlineMs + 1 : deadlineMs;
        while (condition.getAsBoolean()) {
            Optional<TimerAction> next = ns.timers.nextBefore(limit);
            if (next.isEmpty()) {
                ns.timers.advanceTo(deadlineMs);
                return;
            }
            fire(next.get());
            input.pump();
        }
    }

    private void fire(TimerAction action) {
        switch (action) {
            case TimerAction.SynAck a -> requests.timer(a.request());
            case TimerAction.SynRetry r -> synRetry(r.client(), r.attempt(), r.connect());
            case TimerAction.TimeWaitEnd t -> {
                // A FIN in substate FIN_WAIT2 starts the period again: the earlier timer is stale.
                if (ns.ehash.find(t.tw().localEnd(), t.tw().remoteEnd()).orElse(null) == t.tw()
                        && t.tw().expiresAtMs() <= ns.now()) {
                    conns.endTimeWait(t.tw(), Rule.TIME_WAIT_ENDED);
                }
            }
        }
    }

    /** The client's SYN again after 1, 2, 4 ... s; after tcp_syn_retries it gives up with ETIMEDOUT. */
    private void synRetry(SimSocket client, int attempt, int connect) {
        if (client.state() != TcpState.SYN_SENT || client.connects() != connect) {
            return;
        }
        if (attempt > ns.sysctls.getInt(SysctlKey.TCP_SYN_RETRIES)) {
            conns.reset(client, Errno.ETIMEDOUT, Rule.CONNECT_TIMED_OUT);
            return;
        }
        wire.send(new Segment(client.localEnd(), client.peer().orElseThrow(), "S", 0), Rule.CONNECT_TIMED_OUT);
        ns.timers.at(ns.now() + (Requests.TIMEOUT_INIT_MS << attempt), new TimerAction.SynRetry(client, attempt + 1, connect));
    }
}
