package org.reuselab.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.reuselab.core.model.Rule;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.scenario.InterfaceDef;
import org.reuselab.core.trace.Event;

/**
 * The remote peers: segments written to the TUN device of the peer's subnet, with sequence and
 * acknowledgement numbers kept per 4-tuple (the peer acknowledges what the host sent), and every
 * segment the kernel sends back read and recorded.
 */
final class PeerWire implements AutoCloseable {

    private static final int DRAIN_MAX = 4096;
    private static final long ISN_STEP = 1L << 24;

    private final List<Tun> tuns;
    private final List<InterfaceDef> defs;
    private final long seed;
    private final Map<String, Flow> flows = new HashMap<>();
    private final List<Event> log;

    /** One 4-tuple's numbers: the peer's next sequence number and what it acknowledges. */
    private static final class Flow {
        long isn;
        long sndNxt;
        long rcvNxt;
    }

    PeerWire(List<Tun> tuns, List<InterfaceDef> defs, long seed, List<Event> log) {
        this.tuns = tuns;
        this.defs = defs;
        this.seed = seed;
        this.log = log;
    }

    boolean used() {
        return !flows.isEmpty();
    }

    /** One segment from {@code from} to {@code to}; a SYN starts at the flow's ISN. */
    void send(Endpoint from, Endpoint to, String flags, int payload, OptionalLong seq, OptionalLong ack) {
        Flow f = flows.computeIfAbsent(key(from, to), k -> newFlow(from, to));
        boolean syn = flags.indexOf('S') >= 0;
        long s = seq.orElse(syn ? f.isn : f.sndNxt);
        Packet p = new Packet(from, to, flags, s & 0xffff_ffffL, ack.orElse(f.rcvNxt) & 0xffff_ffffL, payload);
        f.sndNxt = (s + p.length()) & 0xffff_ffffL;
        if (flags.indexOf('R') >= 0) {
            f.isn = (f.isn + ISN_STEP) & 0xffff_ffffL;
        }
        tunFor(from).write(p.encode());
    }

    /**
     * Reads what the kernel sends: waits up to {@code firstWaitMs} for a segment to {@code peer}
     * (or for anything when {@code peer} is null), then until {@code quietMs} pass without one.
     */
    List<Packet> collect(Endpoint peer, int firstWaitMs, int quietMs) {
        List<Packet> got = new ArrayList<>();
        long deadline = System.nanoTime() + firstWaitMs * 1_000_000L;
        boolean seen = false;
        for (int round = 0; round < DRAIN_MAX; round++) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            int wait = seen ? quietMs : (int) Math.max(0, left);
            if (!Poll.any(fds(), Libc.POLLIN, wait)) {
                if (seen || left <= 0) {
                    break;
                }
                continue;
            }
            List<Packet> now = drain();
            got.addAll(now);
            seen |= peer == null ? !now.isEmpty() : now.stream().anyMatch(p -> p.to().equals(peer));
        }
        return got;
    }

    /** Whatever the kernel has sent so far, without waiting. */
    List<Packet> drain() {
        List<Packet> out = new ArrayList<>();
        for (Tun t : tuns) {
            for (byte[] raw : t.drain(DRAIN_MAX)) {
                Packet.parse(raw).ifPresent(p -> {
                    observe(p);
                    out.add(p);
                    log.add(new Event.SegmentOut(p.from(), p.to(), p.flags(), Rule.OBSERVED));
                });
            }
        }
        return out;
    }

    /** Flags of the segments addressed to {@code peer}. */
    static List<String> flagsTo(List<Packet> packets, Endpoint peer) {
        return packets.stream().filter(p -> p.to().equals(peer)).map(Packet::flags).toList();
    }

    private void observe(Packet p) {
        Flow f = flows.get(key(p.to(), p.from()));
        if (f == null) {
            return;
        }
        if (p.flags().indexOf('R') >= 0) {
            f.isn = (f.isn + ISN_STEP) & 0xffff_ffffL;
            return;
        }
        f.rcvNxt = (p.seq() + p.length()) & 0xffff_ffffL;
    }

    private Flow newFlow(Endpoint from, Endpoint to) {
        Flow f = new Flow();
        f.isn = Integer.toUnsignedLong(java.util.Objects.hash(seed, from.toString(), to.toString()) * 0x9E3779B9);
        f.sndNxt = f.isn;
        return f;
    }

    private static String key(Endpoint peer, Endpoint host) {
        return peer + ">" + host;
    }

    private int[] fds() {
        return tuns.stream().mapToInt(Tun::fd).toArray();
    }

    private Tun tunFor(Endpoint peer) {
        for (int i = 0; i < defs.size(); i++) {
            for (InterfaceDef.Prefix p : defs.get(i).addrs()) {
                if (p.addr().isV4() == peer.addr().isV4() && p.contains(peer.addr())) {
                    return tuns.get(i);
                }
            }
        }
        throw new ProbeException("no interface of the scenario has a subnet containing the peer " + peer.addr());
    }

    @Override
    public void close() {
        tuns.forEach(Tun::close);
    }
}
