package org.reuselab.core.model.time;

import java.util.Optional;

/**
 * The virtual clock and its timers. Timers fire in time order, ties in the order they were armed,
 * so a run is deterministic. {@code A} is what a timer does when it fires (the host's actions).
 */
public final class Timers<A> {

    /** An armed timer; {@link #cancel} takes it out before it fires. */
    public static final class Timer<A> {
        private final long atMs;
        private final long seq;
        private final A action;
        private int index = -1;

        private Timer(long atMs, long seq, A action) {
            this.atMs = atMs;
            this.seq = seq;
            this.action = action;
        }

        private boolean before(Timer<A> o) {
            return atMs != o.atMs ? atMs < o.atMs : seq < o.seq;
        }
    }

    /** A binary heap ordered by (time, arming order), each timer knowing its place for cancel(). */
    @SuppressWarnings("unchecked")
    private Timer<A>[] heap = (Timer<A>[]) new Timer<?>[16];
    private int size;
    private long nowMs;
    private long seq;

    public long nowMs() {
        return nowMs;
    }

    public Timer<A> at(long atMs, A action) {
        Timer<A> t = new Timer<>(atMs, seq++, action);
        if (size == heap.length) {
            heap = java.util.Arrays.copyOf(heap, size * 2);
        }
        place(t, size++);
        siftUp(t.index);
        return t;
    }

    /** Disarms a timer that has not fired (inet_csk_reqsk_queue_drop() deletes the request's timer). */
    public void cancel(Timer<?> t) {
        if (t == null || t.index < 0) {
            return;
        }
        int i = t.index;
        Timer<A> last = heap[--size];
        heap[size] = null;
        t.index = -1;
        if (i < size) {
            place(last, i);
            siftDown(i);
            siftUp(last.index);
        }
    }

    /** The next timer due strictly before {@code deadlineMs}, moving the clock to it. */
    public Optional<A> nextBefore(long deadlineMs) {
        if (size == 0 || heap[0].atMs >= deadlineMs) {
            return Optional.empty();
        }
        Timer<A> e = heap[0];
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

    private void place(Timer<A> t, int i) {
        heap[i] = t;
        t.index = i;
    }

    private void siftUp(int i) {
        Timer<A> t = heap[i];
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
        Timer<A> t = heap[i];
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
