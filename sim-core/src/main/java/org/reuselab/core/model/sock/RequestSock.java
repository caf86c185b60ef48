package org.reuselab.core.model.sock;

import org.reuselab.core.net.Endpoint;

/**
 * A SYN-RECV request (TCP_NEW_SYN_RECV mini socket): the handshake a listener answered with a
 * SYN-ACK and whose final ACK has not come. It points at the listener chosen at SYN time
 * (rsk_listener) and carries its SYN-ACK timer state.
 */
public final class RequestSock implements EhashEntry {

    private SimSocket listener;
    private final Endpoint local;
    private final Endpoint remote;
    private final long createdMs;
    private int numTimeout;
    private boolean acked;
    private long timerAtMs;
    private org.reuselab.core.model.time.Timers.Timer<?> timer;

    public RequestSock(SimSocket listener, Endpoint local, Endpoint remote, long createdMs, long timerAtMs) {
        this.listener = listener;
        this.local = local;
        this.remote = remote;
        this.createdMs = createdMs;
        this.timerAtMs = timerAtMs;
    }

    public SimSocket listener() {
        return listener;
    }

    /** inet_reqsk_clone() onto another listener (migration). */
    public void moveTo(SimSocket newListener) {
        listener = newListener;
    }

    @Override
    public Endpoint localEnd() {
        return local;
    }

    @Override
    public Endpoint remoteEnd() {
        return remote;
    }

    public long createdMs() {
        return createdMs;
    }

    public int numTimeout() {
        return numTimeout;
    }

    public void timedOut() {
        numTimeout++;
    }

    /** Young: the request has never timed out (reqsk_queue_len_young()). */
    public boolean young() {
        return numTimeout == 0;
    }

    /** The final ACK came but the accept queue was full (tcp_abort_on_overflow=0). */
    public boolean acked() {
        return acked;
    }

    public void markAcked() {
        acked = true;
    }

    public long timerAtMs() {
        return timerAtMs;
    }

    public void setTimerAtMs(long at) {
        timerAtMs = at;
    }

    /** The armed SYN-ACK timer, which a dropped request takes with it. */
    public org.reuselab.core.model.time.Timers.Timer<?> timer() {
        return timer;
    }

    public void setTimer(org.reuselab.core.model.time.Timers.Timer<?> t) {
        timer = t;
    }

    @Override
    public String toString() {
        return "request " + remote + " -> " + local + " on " + listener.name() + " (timeouts " + numTimeout
                + (acked ? ", acked" : "") + ")";
    }
}
