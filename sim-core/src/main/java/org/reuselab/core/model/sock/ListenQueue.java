package org.reuselab.core.model.sock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A listener's queues: the accept queue of finished children (sk_ack_backlog) and the requests
 * that count against it (reqsk_queue_len; before 4.4 also the SYN table they are found in).
 */
public final class ListenQueue {

    private final Deque<SimSocket> acceptQueue = new ArrayDeque<>();
    private final List<RequestSock> requests = new ArrayList<>();
    private long lastSynOverflowMs = Long.MIN_VALUE;
    private int acceptedCount;
    private boolean serving;
    private boolean serveCloses;
    private String childLabel;
    private String childLabelOf;

    public Deque<SimSocket> acceptQueue() {
        return acceptQueue;
    }

    public List<RequestSock> requests() {
        return requests;
    }

    public int young() {
        int young = 0;
        for (RequestSock r : requests) {
            young += r.young() ? 1 : 0;
        }
        return young;
    }

    public long lastSynOverflowMs() {
        return lastSynOverflowMs;
    }

    public void noteSynOverflow(long nowMs) {
        lastSynOverflowMs = nowMs;
    }

    /** How many children accept() has taken from this queue so far. */
    public int acceptedCount() {
        return acceptedCount;
    }

    /** The next child name's number: children are {@code <listener>.<n>} counted across steps. */
    public int nextChildNumber() {
        return ++acceptedCount;
    }

    /** What a child is called until accept() names it, {@code (s1 queue)}: one string for every child. */
    public String childLabel(String listenerName) {
        if (!listenerName.equals(childLabelOf)) {
            childLabel = "(" + listenerName + " queue)";
            childLabelOf = listenerName;
        }
        return childLabel;
    }

    public boolean serving() {
        return serving;
    }

    public boolean serveCloses() {
        return serveCloses;
    }

    public void setServing(boolean on, boolean closes) {
        serving = on;
        serveCloses = closes;
    }
}
