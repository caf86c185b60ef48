package org.reuselab.core.trace;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.TcpState;

/** What a step did, in the same shape for the simulator and a real kernel. */
public sealed interface Outcome {

    /** The call succeeded; {@code local} is the socket's address afterwards where the call has one. */
    record Ok(Optional<Endpoint> local) implements Outcome {
    }

    /** The call failed with an errno. */
    record Failed(Errno errno) implements Outcome {
    }

    /** getsockopt()'s value. */
    record Value(long value) implements Outcome {
    }

    /** info: the socket's TCP state, local and peer address. */
    record Info(TcpState state, Endpoint local, Optional<Endpoint> peer) implements Outcome {
    }

    /** dump: the host's sockets and tables, one line each. */
    record Dump(List<String> lines) implements Outcome {
        public Dump {
            lines = List.copyOf(lines);
        }
    }

    /** handshake and counted connect: one result per connection. */
    record Connections(List<Conn> conns) implements Outcome {
        public Connections {
            conns = List.copyOf(conns);
        }
    }

    /**
     * handshake with {@code count}: how many connections ended each way ({@code established},
     * {@code reset}, {@code no-reply}) and how many each listener queued; no line per connection.
     */
    record Tally(SortedMap<String, Long> results, SortedMap<String, Long> byListener) implements Outcome {
        public Tally {
            results = Collections.unmodifiableSortedMap(new TreeMap<>(results));
            byListener = Collections.unmodifiableSortedMap(new TreeMap<>(byListener));
        }

        /** The counts of connections one by one: per result, and per listener for the established. */
        public static Tally of(Connections cs) {
            TreeMap<String, Long> results = new TreeMap<>();
            TreeMap<String, Long> by = new TreeMap<>();
            for (Conn c : cs.conns()) {
                results.merge(c.result(), 1L, Long::sum);
                if (c.result().equals(Conn.ESTABLISHED)) {
                    c.listener().ifPresent(l -> by.merge(l, 1L, Long::sum));
                }
            }
            return new Tally(results, by);
        }

        public long total() {
            return results.values().stream().mapToLong(Long::longValue).sum();
        }

        public long count(String result) {
            return results.getOrDefault(result, 0L);
        }
    }

    /**
     * One connection's result: {@code established} (with the listener that queued it, where known),
     * {@code reset}, {@code no-reply}, or an errno name for a local connect.
     */
    record Conn(String who, String result, Optional<Endpoint> local, Optional<String> listener) {
        public static final String ESTABLISHED = "established";
        public static final String RESET = "reset";
        public static final String NO_REPLY = "no-reply";
    }

    /** send and advance: the segments the host sent (to the peer, or to any remote peer). */
    record Replies(List<String> flags) implements Outcome {
        public Replies {
            flags = List.copyOf(flags);
        }
    }

    /** accept and accept_all: the children taken, with their peers. */
    record Accepted(List<Child> children) implements Outcome {
        public Accepted {
            children = List.copyOf(children);
        }
    }

    /** One accepted child. */
    record Child(String name, Endpoint peer) {
    }

    /** The op is valid but this host does not model or run it yet. */
    record NotModelled(String op) implements Outcome {
    }

    static Outcome ok() {
        return new Ok(Optional.empty());
    }
}
