package org.reuselab.core.host;

import org.reuselab.core.model.sock.RequestSock;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.model.sock.TimeWaitSock;

/** What a timer of the simulated host does when it fires. */
sealed interface TimerAction {
    /** reqsk_timer_handler(): SYN-ACK retransmission, expiry or migration of a request. */
    record SynAck(RequestSock request) implements TimerAction {
    }

    /**
     * tcp_retransmit_timer() in SYN_SENT: the client's SYN again, for its {@code connect}-th
     * attempt (a disconnect clears the timer: a later attempt has a higher number).
     */
    record SynRetry(SimSocket client, int attempt, int connect) implements TimerAction {
    }

    /** inet_twsk_kill(): a TIME_WAIT record ends and releases its port. */
    record TimeWaitEnd(TimeWaitSock tw) implements TimerAction {
    }
}
