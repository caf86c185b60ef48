package org.reuselab.core.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.conn.Segment;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.trace.Event;
import org.reuselab.core.trace.EventSummary;

/**
 * What the host did during the current step: events for the trace (each one, or in a summary a
 * count per kind), and the segments sent to remote peers that the step's outcome is made of.
 */
final class StepLog {

    private final TraceDetail detail;
    private final List<Event> events = new ArrayList<>();
    /** Summary mode: the events counted per kind. */
    private final EventSummary counts = new EventSummary();
    private final List<Segment> toPeers = new ArrayList<>();
    /** The child queued last in this step: its connection's ends and its listener. */
    private Endpoint queuedLocal;
    private Endpoint queuedRemote;
    private String queuedBy;

    StepLog(TraceDetail detail) {
        this.detail = detail;
    }

    /** False in a summary, where an event's costly details are never read. */
    boolean detailed() {
        return detail == TraceDetail.FULL;
    }

    void event(Event e) {
        if (detail == TraceDetail.FULL) {
            events.add(e);
        } else {
            counts.add(e);
        }
    }

    void sentToPeer(Segment seg, Rule rule) {
        toPeers.add(seg);
        event(new Event.SegmentOut(seg.from(), seg.to(), Segment.canonical(seg.flags()), rule));
    }

    List<Segment> toPeers() {
        return toPeers;
    }

    /** Segments already accounted for in an outcome need not be kept. */
    void forgetPeerSegmentsFrom(int mark) {
        toPeers.subList(mark, toPeers.size()).clear();
    }

    /** Records which listener queued (or, migrating it, took over) the child of a connection. */
    void queued(Endpoint local, Endpoint remote, String listener) {
        queuedLocal = local;
        queuedRemote = remote;
        queuedBy = listener;
    }

    /**
     * The listener that queued the connection from {@code remote} to {@code local}, if it was the
     * last one queued in this step (a handshake asks right after its final ACK), once.
     */
    Optional<String> takeQueued(Endpoint local, Endpoint remote) {
        if (queuedBy == null || !remote.equals(queuedRemote) || !local.equals(queuedLocal)) {
            return Optional.empty();
        }
        String by = queuedBy;
        queuedBy = null;
        return Optional.of(by);
    }

    /** Takes the step's events and clears the log for the next step. */
    List<Event> drain() {
        List<Event> out = new ArrayList<>(events);
        out.addAll(counts.drain());
        events.clear();
        toPeers.clear();
        queuedBy = null;
        return out;
    }
}
