package org.reuselab.core.trace;

import org.reuselab.core.model.Rule;
import org.reuselab.core.net.Endpoint;

/** Something the host did during a step besides the call's own result, each with its rule. */
public sealed interface Event {

    Rule rule();

    /** One line for traces. */
    String text();

    /** The host sent a segment to a remote peer. */
    record SegmentOut(Endpoint from, Endpoint to, String flags, Rule rule) implements Event {
        public String text() {
            return "sent " + from + " > " + to + " [" + flags + "]";
        }
    }

    /** The host dropped a segment it received. */
    record Dropped(Endpoint from, Endpoint to, String flags, Rule rule) implements Event {
        public String text() {
            return "dropped " + from + " > " + to + " [" + flags + "]";
        }
    }

    /** A serving listener accepted a child. */
    record Served(String listener, String child, Endpoint peer, Rule rule) implements Event {
        public String text() {
            return listener + " accepted " + child + " from " + peer;
        }
    }

    /** A connection or request moved from one listener to another, or was reset or dropped. */
    record ListenerChange(Endpoint peer, String from, String to, Rule rule) implements Event {
        public String text() {
            return to.isEmpty() ? peer + ": dropped by " + from : peer + ": moved " + from + " -> " + to;
        }
    }

    /** A connection entered or left TIME_WAIT (which holds its port meanwhile). */
    record TimeWait(String socket, Endpoint local, Endpoint peer, Rule rule) implements Event {
        public String text() {
            return socket + " " + local + " -> " + peer + (rule == Rule.TIME_WAIT_ENTERED ? " enters" : " leaves")
                    + " TIME_WAIT";
        }
    }

    /** A segment without a connection reached a listener: which one, and by which rule. */
    record Selected(Endpoint peer, Endpoint local, String listener, String detail, Rule rule) implements Event {
        public String text() {
            return peer + " > " + local + " reaches " + detail;
        }
    }

    /** A child was queued on a listener's accept queue. */
    record Queued(Endpoint peer, String listener, Rule rule) implements Event {
        public String text() {
            return peer + " queued on " + listener;
        }
    }

    /** A local socket's connection ended (reset, refused); {@code local} is its address. */
    record SocketReset(String socket, Endpoint local, Rule rule) implements Event {
        public String text() {
            return socket + " (" + local + ") reset";
        }
    }

    /** In a summary trace: how many events of one kind (the same {@link #what}) a step had. */
    record Counted(String what, long count, Rule rule) implements Event {
        public String text() {
            return count + " x " + what;
        }
    }

    /** What an event is, without the addresses that make each one unique: the key of a summary. */
    record Kind(String before, String subject, String after, Rule rule) {
        /** The words of a {@link Counted} event. */
        public String text() {
            return before + subject + after;
        }
    }

    static Kind kindOf(Event e) {
        return switch (e) {
            case SegmentOut s -> new Kind("sent [", s.flags(), "]", s.rule());
            case Dropped d -> new Kind("dropped [", d.flags(), "]", d.rule());
            case Served s -> new Kind("", s.listener(), " accepted", s.rule());
            case ListenerChange c -> c.to().isEmpty() ? new Kind("dropped by ", c.from(), "", c.rule())
                    : new Kind("moved " + c.from() + " -> ", c.to(), "", c.rule());
            case TimeWait t -> new Kind(t.rule() == Rule.TIME_WAIT_ENTERED ? "entered TIME_WAIT" : "left TIME_WAIT", "",
                    "", t.rule());
            case Selected s -> new Kind("reached ", s.listener(), "", s.rule());
            case Queued q -> new Kind("queued on ", q.listener(), "", q.rule());
            case SocketReset r -> new Kind("reset", "", "", r.rule());
            case Counted c -> new Kind(c.what(), "", "", c.rule());
        };
    }
}
