package org.reuselab.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
