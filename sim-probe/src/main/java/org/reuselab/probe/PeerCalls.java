package org.reuselab.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.trace.Outcome;

/** Remote peers on the real kernel: one segment ({@code send}), whole handshakes, and real time passing. */
final class PeerCalls {

    /** How long a segment's answer may take (the kernel answers within the write, normally). */
    private static final int REPLY_WAIT_MS = 50;
    /** How long to wait for a RST after a final ACK, which normally gets no answer. */
    private static final int ACK_WAIT_MS = 10;
    private static final int QUIET_MS = 2;
    private static final int SLICE_MS = 10;
    /** The longest {@code advance} the probe sleeps. */
    static final long ADVANCE_MAX_MS = 600_000;

    private final PeerWire wire;
    private final Listeners listeners;

    PeerCalls(PeerWire wire, Listeners listeners) {
        this.wire = wire;
        this.listeners = listeners;
    }

    Outcome send(Endpoint from, Endpoint to, String flags, int payload, OptionalLong seq, OptionalLong ack) {
        wire.drain();
        wire.send(from, to, flags, payload, seq, ack);
        return new Outcome.Replies(PeerWire.flagsTo(wire.collect(from, REPLY_WAIT_MS, QUIET_MS), from));
    }

    /** For each source port: SYN, then the final ACK if a SYN-ACK came back. */
    Outcome handshake(Endpoint first, int lastPort, Endpoint to) {
        List<Outcome.Conn> conns = new ArrayList<>();
        for (int port = first.port(); port <= lastPort; port++) {
            conns.add(one(first.withPort(port), to));
        }
        return new Outcome.Connections(conns);
    }

    /** Handshakes of a counted step in flight at once. */
    private static final int WINDOW = 256;

    /**
     * {@code count} handshakes (source ports in turn, then the next peer address), a window at a
     * time: the SYNs of a window are written together, then the final ACKs of those that got a
     * SYN-ACK, then one wait for RSTs. The tally's per-listener counts are the accept queues'
     * growth over the step plus what serving listeners took.
     */
    Outcome handshakes(Endpoint first, int lastPort, Endpoint to, int count) {
        listeners.serveAll();
        listeners.forget();
        Map<String, Integer> before = listeners.queues();
        TreeMap<String, Long> results = new TreeMap<>();
        Endpoint next = first;
        for (int done = 0; done < count; ) {
            List<Endpoint> window = new ArrayList<>();
            while (window.size() < WINDOW && done + window.size() < count) {
                window.add(next);
                next = next.port() < lastPort ? next.withPort(next.port() + 1)
                        : new Endpoint(next.addr().next(), first.port(), first.scope());
            }
            for (String r : window(window, to)) {
                results.merge(r, 1L, Long::sum);
            }
            done += window.size();
            listeners.serveAll();
        }
        TreeMap<String, Long> by = new TreeMap<>();
        listeners.queues().forEach((l, n) -> {
            long grew = n - before.getOrDefault(l, 0);
            if (grew > 0) {
                by.merge(l, grew, Long::sum);
            }
        });
        listeners.servedCounts().forEach((l, n) -> by.merge(l, (long) n, Long::sum));
        return new Outcome.Tally(results, by);
    }

    private List<String> window(List<Endpoint> peers, Endpoint to) {
        wire.drain();
        for (Endpoint p : peers) {
            wire.send(p, to, "S", 0, OptionalLong.empty(), OptionalLong.empty());
        }
        List<Packet> first = collectFrom(peers);
        List<String> out = new ArrayList<>();
        List<Endpoint> acked = new ArrayList<>();
        for (Endpoint p : peers) {
            List<String> flags = PeerWire.flagsTo(first, p);
            if (flags.stream().anyMatch(f -> f.contains("R"))) {
                out.add(Outcome.Conn.RESET);
            } else if (!flags.contains("SA")) {
                out.add(Outcome.Conn.NO_REPLY);
            } else {
                wire.send(p, to, "A", 0, OptionalLong.empty(), OptionalLong.empty());
                acked.add(p);
                out.add(null);
            }
        }
        List<Packet> second = wire.collect(null, ACK_WAIT_MS, QUIET_MS);
        java.util.Set<Endpoint> reset = new java.util.HashSet<>();
        second.stream().filter(p -> p.flags().contains("R")).forEach(p -> reset.add(p.to()));
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) == null) {
                out.set(i, reset.contains(peers.get(i)) ? Outcome.Conn.RESET : Outcome.Conn.ESTABLISHED);
            }
        }
        return out;
    }

    /** What the kernel sent until every peer of the window had an answer, or the reply wait passed. */
    private List<Packet> collectFrom(List<Endpoint> peers) {
        java.util.Set<Endpoint> waiting = new java.util.HashSet<>(peers);
        List<Packet> got = new ArrayList<>();
        long deadline = System.nanoTime() + REPLY_WAIT_MS * 1_000_000L;
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            List<Packet> now = wire.collect(null, REPLY_WAIT_MS, QUIET_MS);
            now.forEach(p -> waiting.remove(p.to()));
            got.addAll(now);
            if (now.isEmpty()) {
                break;
            }
        }
        return got;
    }

    private Outcome.Conn one(Endpoint peer, Endpoint to) {
        listeners.serveAll();
        listeners.forget();
        Map<String, Integer> before = listeners.queues();
        wire.drain();
        wire.send(peer, to, "S", 0, OptionalLong.empty(), OptionalLong.empty());
        List<String> first = PeerWire.flagsTo(wire.collect(peer, REPLY_WAIT_MS, QUIET_MS), peer);
        if (first.stream().anyMatch(f -> f.contains("R"))) {
            return conn(peer, Outcome.Conn.RESET, Optional.empty());
        }
        if (!first.contains("SA")) {
            return conn(peer, Outcome.Conn.NO_REPLY, Optional.empty());
        }
        wire.send(peer, to, "A", 0, OptionalLong.empty(), OptionalLong.empty());
        List<String> second = PeerWire.flagsTo(wire.collect(peer, ACK_WAIT_MS, QUIET_MS), peer);
        if (second.stream().anyMatch(f -> f.contains("R"))) {
            return conn(peer, Outcome.Conn.RESET, Optional.empty());
        }
        listeners.serveAll();
        return conn(peer, Outcome.Conn.ESTABLISHED, listeners.whoTook(peer, before));
    }

    private static Outcome.Conn conn(Endpoint peer, String result, Optional<String> listener) {
        return new Outcome.Conn(peer.toString(), result, Optional.empty(), listener);
    }

    /** Real time passes (serving listeners meanwhile); the outcome is every segment the kernel sent to a peer. */
    Outcome advance(long ms) {
        if (ms > ADVANCE_MAX_MS) {
            throw new ProbeException("advance of " + ms + " ms is longer than the probe sleeps (" + ADVANCE_MAX_MS + ")");
        }
        List<String> flags = new ArrayList<>(wire.drain().stream().map(Packet::flags).toList());
        long deadline = System.nanoTime() + ms * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            listeners.serveAll();
            flags.addAll(wire.collect(null, (int) Math.min(SLICE_MS, left), 0).stream().map(Packet::flags).toList());
        }
        listeners.serveAll();
        flags.addAll(wire.drain().stream().map(Packet::flags).toList());
        return new Outcome.Replies(flags);
    }
}
