package org.reuselab.core.host;

import java.util.ArrayList;
import java.util.List;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.conn.Segment;
import org.reuselab.core.trace.Event;

/** What the host did during the current step: events for the trace, and segments sent to remote peers. */
final class StepLog {

    private final List<Event> events = new ArrayList<>();
    private final List<Segment> toPeers = new ArrayList<>();
    private final java.util.Map<org.reuselab.core.net.FourTuple, String> queued = new java.util.HashMap<>();

    void event(Event e) {
        events.add(e);
    }

    void sentToPeer(Segment seg, Rule rule) {
        toPeers.add(seg);
        events.add(new Event.SegmentOut(seg.from(), seg.to(), Segment.canonical(seg.flags()), rule));
    }

    List<Segment> toPeers() {
        return toPeers;
    }

    /** Records which listener queued the child of a connection during this step. */
    void queued(org.reuselab.core.net.FourTuple tuple, String listener) {
        queued.put(tuple, listener);
    }

    /** The listener that queued the connection from {@code remote} to {@code local} in this step. */
    java.util.Optional<String> queuedBy(org.reuselab.core.net.Endpoint local, org.reuselab.core.net.Endpoint remote) {
        return java.util.Optional.ofNullable(queued.get(new org.reuselab.core.net.FourTuple(local, remote)));
    }

    /** Takes the step's events and clears the log for the next step. */
    List<Event> drain() {
        List<Event> out = List.copyOf(events);
        events.clear();
        toPeers.clear();
        queued.clear();
        return out;
    }
}
