package org.reuselab.core.host;

import org.reuselab.core.model.Rule;
import org.reuselab.core.model.conn.Segment;
import org.reuselab.core.trace.Event;

/** Where the host's segments go: back into the host (loopback) or out to a remote peer. */
final class Wire {

    private final Netns ns;

    Wire(Netns ns) {
        this.ns = ns;
    }

    /** A RST between two sockets of this host is shown in the trace too (it ends a connection). */
    void send(Segment seg, Rule rule) {
        if (ns.addresses.isLocal(seg.to().addr())) {
            ns.loopback.add(seg);
            if (seg.rst()) {
                ns.log.event(new Event.SegmentOut(seg.from(), seg.to(), Segment.canonical(seg.flags()), rule));
            }
        } else {
            ns.log.sentToPeer(seg, rule);
        }
    }

    /** A reply to {@code in}: the ends swapped. */
    void reply(Segment in, String flags, Rule rule) {
        send(new Segment(in.to(), in.from(), flags, 0), rule);
    }

    void dropped(Segment in, Rule rule) {
        ns.log.event(new Event.Dropped(in.from(), in.to(), Segment.canonical(in.flags()), rule));
    }
}
