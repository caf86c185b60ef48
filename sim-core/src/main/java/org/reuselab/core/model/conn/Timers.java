package org.reuselab.core.model.conn;

import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The virtual clock and its timers. Timers fire in time order, ties in the order they were armed,
 * so a run is deterministic.
 */
public final class Timers {

    /** What a timer does when it fires. */
    public sealed interface Action {
        /** reqsk_timer_handler(): SYN-ACK retransmission, expiry or migration of a request. */
        record SynAck(org.reuselab.core.model.sock.RequestSock request) implements Action {
        }

        /** tcp_retransmit_timer() in SYN_SENT: the client's SYN again. */
        record SynRetry(org.reuselab.core.model.sock.SimSocket client, int attempt) implements Action {
        }

        /** inet_twsk_kill(): a TIME_WAIT record ends and releases its port. */
        record TimeWaitEnd(org.reuselab.core.model.sock.TimeWaitSock tw) implements Action {
        }
    }

    private record Entry(long atMs, long seq, Action action) {
    }

    private final PriorityQueue<Entry> queue =
            new PriorityQueue<>(Comparator.comparingLong(Entry::atMs).thenComparingLong(Entry::seq));
    private long nowMs;
    private long seq;

    public long nowMs() {
        return nowMs;
    }

    public void at(long atMs, Action action) {
        queue.add(new Entry(atMs, seq++, action));
    }

    /** The next timer due strictly before {@code deadlineMs}, moving the clock to it. */
    public Optional<Action> nextBefore(long deadlineMs) {
        Entry e = queue.peek();
        if (e == null || e.atMs() >= deadlineMs) {
            return Optional.empty();
        }
        queue.poll();
        nowMs = Math.max(nowMs, e.atMs());
        return Optional.of(e.action());
    }

    /** Moves the clock to {@code ms} once no timer before it is left. */
    public void advanceTo(long ms) {
        nowMs = Math.max(nowMs, ms);
    }
}
