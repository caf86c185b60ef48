package org.reuselab.core.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.conn.Segment;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.Why;

/** Remote peers: single segments ({@code send}), whole handshakes, and the passing of time. */
final class PeerCalls {

    /** What replies to one peer held: bits of {@link #replyKinds}. */
    private static final int RST = 1;
    private static final int SYN_ACK = 2;

    private final Netns ns;
    private final TcpInput input;
    private final Clock clock;

    PeerCalls(Netns ns, TcpInput input, Clock clock) {
        this.ns = ns;
        this.input = input;
        this.clock = clock;
    }

    /** One segment from a peer; the outcome is what the host sent back to that peer. */
    StepResult send(Endpoint from, Endpoint to, String flags, int payload) {
        int mark = ns.log.toPeers().size();
        input.receive(new Segment(from, to, flags, payload));
        input.pump();
        return new StepResult(new Outcome.Replies(repliesTo(from, mark)), Optional.of(Why.of(Rule.SENT)));
    }

    /** For each source port: SYN, then the final ACK if a SYN-ACK came back. */
    StepResult handshake(Endpoint firstPeer, int lastPort, Endpoint to) {
        List<Outcome.Conn> conns = new ArrayList<>();
        for (int port = firstPeer.port(); port <= lastPort; port++) {
            Endpoint peer = firstPeer.withPort(port);
            Result r = one(peer, to);
            conns.add(new Outcome.Conn(peer.toString(), r.result(), Optional.empty(), r.listener()));
        }
        return new StepResult(new Outcome.Connections(conns), Optional.of(Why.of(Rule.SENT)));
    }

    /**
     * {@code count} handshakes: the source ports of the range in turn, then the same ports of the
     * next peer address; the outcome is a tally, so nothing is kept per connection.
     */
    StepResult handshakes(Endpoint firstPeer, int lastPort, Endpoint to, int count) {
        Map<String, Long> results = new HashMap<>();
        Map<String, Long> byListener = new HashMap<>();
        IpAddr addr = firstPeer.addr();
        int port = firstPeer.port();
        for (int i = 0; i < count; i++) {
            Result r = one(new Endpoint(addr, port, firstPeer.scope()), to);
            results.merge(r.result(), 1L, Long::sum);
            r.listener().ifPresent(l -> byListener.merge(l, 1L, Long::sum));
            if (++port > lastPort) {
                port = firstPeer.port();
                addr = addr.next();
            }
        }
        return new StepResult(new Outcome.Tally(new TreeMap<>(results), new TreeMap<>(byListener)),
                Optional.of(Why.of(Rule.SENT)));
    }

    /** One handshake's result, and the listener that queued it where it was established. */
    private record Result(String result, Optional<String> listener) {
        static final Result RESET = new Result(Outcome.Conn.RESET, Optional.empty());
        static final Result NO_REPLY = new Result(Outcome.Conn.NO_REPLY, Optional.empty());
    }

    private Result one(Endpoint peer, Endpoint to) {
        int mark = ns.log.toPeers().size();
        input.receive(new Segment(peer, to, "S", 0));
        input.pump();
        int first = replyKinds(peer, mark);
        if ((first & RST) != 0) {
            return Result.RESET;
        }
        if ((first & SYN_ACK) == 0) {
            return Result.NO_REPLY;
        }
        int mark2 = ns.log.toPeers().size();
        input.receive(new Segment(peer, to, "A", 0));
        input.pump();
        if ((replyKinds(peer, mark2) & RST) != 0) {
            return Result.RESET;
        }
        ns.log.forgetPeerSegmentsFrom(mark);
        return new Result(Outcome.Conn.ESTABLISHED, ns.log.takeQueued(to, peer));
    }

    /** Whether the host answered {@code peer} since {@code mark} with a RST and/or a SYN-ACK. */
    private int replyKinds(Endpoint peer, int mark) {
        List<Segment> all = ns.log.toPeers();
        int kinds = 0;
        for (int i = mark; i < all.size(); i++) {
            Segment s = all.get(i);
            if (s.to().equals(peer)) {
                String f = Segment.canonical(s.flags());
                kinds |= f.equals("R") || f.equals("RA") ? RST : f.equals("SA") ? SYN_ACK : 0;
            }
        }
        return kinds;
    }

    private List<String> repliesTo(Endpoint peer, int mark) {
        List<Segment> all = ns.log.toPeers();
        List<String> out = new ArrayList<>();
        for (Segment s : all.subList(mark, all.size())) {
            if (s.to().equals(peer)) {
                out.add(Segment.canonical(s.flags()));
            }
        }
        return out;
    }

    /** Virtual time passes; the outcome is every segment the host sent to remote peers meanwhile. */
    StepResult advance(long ms) {
        int mark = ns.log.toPeers().size();
        clock.runWhile(() -> true, ns.now() + ms, true);
        List<Segment> all = ns.log.toPeers();
        List<String> flags = all.subList(mark, all.size()).stream().map(s -> Segment.canonical(s.flags())).toList();
        return new StepResult(new Outcome.Replies(flags), Optional.of(Why.of(Rule.ADVANCED)));
    }
}
