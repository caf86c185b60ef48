package org.reuselab.core.model.conn;

import java.util.Optional;

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

        /**
         * tcp_retransmit_timer() in SYN_SENT: the client's SYN again, for its {@code connect}-th
         * attempt (a disconnect clears the timer: a later attempt has a higher number).
         */
        record SynRetry(org.reuselab.core.model.sock.SimSocket client, int attempt, int connect) implements Action {
        }

        /** inet_twsk_kill(): a TIME_WAIT record ends and releases its port. */
        record TimeWaitEnd(org.reuselab.core.model.sock.TimeWaitSock tw) implements Action {
        }
    }

    /** An armed timer; {@link #cancel} takes it out before it fires. */
    public static final class Timer {
        private final long atMs;
        private final long seq;
        private final Action action;
        private int index = -1;

        private Timer(long atMs, long seq, Action action) {
            this.atMs = atMs;
            this.seq = seq;
            this.action = action;
        }

        private boolean before(Timer o) {
            return atMs != o.atMs ? atMs < o.atMs : seq < o.seq;
        }
    }

    /** A binary heap ordered by (time, arming order), each timer knowing its place for cancel(). */
    private Timer[] heap = new Timer[16];
    private int size;
    private long nowMs;
    private long seq;

    public long nowMs() {
        return nowMs;
    }

    public Timer at(long atMs, Action action) {
        Timer t = new Timer(atMs, seq++, action);
        if (size == heap.length) {
            heap = java.util.Arrays.copyOf(heap, size * 2);
        }
        place(t, size++);
        siftUp(t.index);
        return t;
    }

    /** Disarms a timer that has not fired (inet_csk_reqsk_queue_drop() deletes the request's timer). */
    public void cancel(Timer t) {
        if (t == null || t.index < 0) {
            return;
        }
        int i = t.index;
        Timer last = heap[--size];
        heap[size] = null;
        t.index = -1;
        if (i < size) {
            place(last, i);
            siftDown(i);
            siftUp(last.index);
        }
    }

    /** The next timer due strictly before {@code deadlineMs}, moving the clock to it. */
    public Optional<Action> nextBefore(long deadlineMs) {
        if (size == 0 || heap[0].atMs >= deadlineMs) {
            return Optional.empty();
        }
        Timer e = heap[0];
        cancel(e);
        nowMs = Math.max(nowMs, e.atMs);
        return Optional.of(e.action);
    }

    /** Moves the clock to {@code ms} once no timer before it is left. */
    public void advanceTo(long ms) {
        nowMs = Math.max(nowMs, ms);
    }

    /** Armed timers. */
    public int pending() {
        return size;
    }

    private void place(Timer t, int i) {
        heap[i] = t;
        t.index = i;
    }

    private void siftUp(int i) {
        Timer t = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!t.before(heap[parent])) {
                break;
            }
            place(heap[parent], i);
            i = parent;
        }
        place(t, i);
    }

    private void siftDown(int i) {
        Timer t = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1].before(heap[child])) {
                child++;
            }
            if (!heap[child].before(t)) {
                break;
            }
            place(heap[child], i);
            i = child;
        }
        place(t, i);
    }
}
