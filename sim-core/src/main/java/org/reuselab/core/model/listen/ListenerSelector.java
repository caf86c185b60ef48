package org.reuselab.core.model.listen;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.ListenerLookup;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.hash.CbpfInterpreter;
import org.reuselab.core.model.hash.EhashFunction;
import org.reuselab.core.model.hash.FlowPicker;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;

/**
 * __inet_lookup_listener() / inet6_lookup_listener(): which listener a segment that matches no
 * connection reaches, in the form of the profile's kernel ({@link ListenerLookup}).
 */
public final class ListenerSelector {

    private final ListeningTable table;
    private final KernelProfile profile;
    private final FlowPicker flows;

    public ListenerSelector(ListeningTable table, KernelProfile profile, FlowPicker flows) {
        this.table = table;
        this.profile = profile;
        this.flows = flows;
    }

    /** The listener for a segment to {@code local} from {@code remote} that arrived on {@code device}. */
    public Optional<Selection> select(Endpoint local, Endpoint remote, String device, int payload) {
        List<SimSocket> chain = table.chain(local.port());
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        Lookup l = new Lookup(local, remote, device, payload);
        boolean byAddress = profile.listenerLookup() == ListenerLookup.ADDRESS_FIRST
                || (profile.listenerLookup() == ListenerLookup.PORT_CHAIN_OR_ADDRESS && chain.size() > 10);
        if (!byAddress) {
            return walk(chain, l, null);
        }
        Optional<Selection> exact = walk(chain, l, local.addr());
        return exact.isPresent() ? exact : walk(chain, l, local.addr().isV4() ? IpAddr.V4_ANY : IpAddr.V6_ANY);
    }

    private record Lookup(Endpoint local, Endpoint remote, String device, int payload) {
        boolean v4() {
            return local.addr().isV4();
        }
    }

    /**
     * One chain walk: the best score wins, but the first SO_REUSEPORT socket that raises the best
     * score answers with its group's choice at once. {@code bucketAddr} limits the walk to the
     * (port, address) bucket of that address; null walks the whole port chain.
     */
    private Optional<Selection> walk(List<SimSocket> chain, Lookup l, IpAddr bucketAddr) {
        int hiscore = 0;
        SimSocket result = null;
        int matches = 0;
        int phash = 0;
        boolean reservoir = false;
        for (SimSocket sk : chain) {
            if (bucketAddr != null && !inBucket(sk, l, bucketAddr)) {
                continue;
            }
            int score = bucketAddr != null ? modernScore(sk, l, bucketAddr) : chainScore(sk, l);
            if (score > hiscore) {
                if (sk.reusePort() && profile.reuseportGroups()) {
                    Optional<Selection> picked = fromGroup(sk, l, hashLocal(l, bucketAddr));
                    if (picked.isPresent()) {
                        return picked;
                    }
                }
                result = sk;
                hiscore = score;
                reservoir = sk.reusePort() && profile.listenerLookup() == ListenerLookup.PORT_CHAIN;
                phash = flows.hash(hashLocal(l, bucketAddr), l.remote()).orElse(0);
                matches = 1;
            } else if (score == hiscore && reservoir) {
                // Before 4.16, without a group's choice: reservoir sampling among equal scores.
                matches++;
                if (EhashFunction.scale(phash, matches) == 0) {
                    result = sk;
                }
                phash = phash * 1664525 + 1013904223;
            }
        }
        if (result == null) {
            return Optional.empty();
        }
        Rule rule = reservoir && matches > 1 ? Rule.REUSEPORT_RESERVOIR : Rule.LISTENER_SCORE;
        return Optional.of(new Selection(result, rule, phash, 0, matches));
    }

    /**
     * The local end the flow hash sees: the address walked (5.0+ passes INADDR_ANY / :: as the
     * local address in the wildcard pass), or the packet's destination on the port chain.
     */
    private static Endpoint hashLocal(Lookup l, IpAddr bucketAddr) {
        return bucketAddr == null ? l.local() : new Endpoint(bucketAddr, l.local().port());
    }

    private static boolean inBucket(SimSocket sk, Lookup l, IpAddr addr) {
        if (l.v4()) {
            return sk.v4RcvSaddr() == addr.v4bits() && (sk.family() == Family.IPV4 || !sk.ipv6only());
        }
        return sk.family() == Family.IPV6 && sk.rcvSaddr().equals(addr);
    }

    /** compute_score() 5.19+: device-bound 2 else 1, plus 1 for AF_INET. */
    private static int modernScore(SimSocket sk, Lookup l, IpAddr addr) {
        if (l.v4() && sk.family() == Family.IPV6 && sk.ipv6only()) {
            return -1;
        }
        if (!sk.boundDevice().isEmpty() && !sk.boundDevice().equals(l.device())) {
            return -1;
        }
        int score = sk.boundDevice().isEmpty() ? 1 : 2;
        return score + (sk.family() == Family.IPV4 ? 1 : 0);
    }

    /** compute_score() before 5.19: family 2/1, +4 for an exact address, +4 for a matching bound device. */
    private static int chainScore(SimSocket sk, Lookup l) {
        if (l.v4()) {
            if (sk.family() == Family.IPV6 && sk.ipv6only()) {
                return -1;
            }
            int score = sk.family() == Family.IPV4 ? 2 : 1;
            int saddr = sk.v4RcvSaddr();
            if (saddr != 0) {
                if (saddr != l.local().addr().v4bits()) {
                    return -1;
                }
                score += 4;
            }
            return deviceScore(sk, l, score, 4);
        }
        if (sk.family() != Family.IPV6) {
            return -1;
        }
        int score = 1;
        if (!sk.rcvSaddr().isAny()) {
            if (!sk.rcvSaddr().equals(l.local().addr())) {
                return -1;
            }
            score++;
        }
        return deviceScore(sk, l, score, 1);
    }

    private static int deviceScore(SimSocket sk, Lookup l, int score, int bonus) {
        if (sk.boundDevice().isEmpty()) {
            return score;
        }
        return sk.boundDevice().equals(l.device()) ? score + bonus : -1;
    }

    /** reuseport_select_sock(): the BPF program's index if in range, else the flow hash. */
    private Optional<Selection> fromGroup(SimSocket sk, Lookup l, Endpoint hashLocal) {
        if (!(sk.reuseportGroup() instanceof ReuseportGroup g) || g.socks().isEmpty()) {
            return Optional.empty();
        }
        int n = g.socks().size();
        int h = flows.hash(hashLocal, l.remote()).orElse(0);
        Rule rule = Rule.REUSEPORT_HASH;
        if (g.program().isPresent()) {
            OptionalLong idx = CbpfInterpreter.run(g.program().get().insns(), new byte[l.payload()]);
            if (idx.isPresent() && idx.getAsLong() < n) {
                int i = (int) idx.getAsLong();
                return Optional.of(new Selection(g.socks().get(i), Rule.REUSEPORT_BPF, h, i, n));
            }
            if (!profile.cbpfOutOfRangeFallsBack()) {
                return Optional.empty();
            }
            rule = Rule.REUSEPORT_BPF_OUT_OF_RANGE;
        }
        int i = flows.pick(hashLocal, l.remote(), g.socks(), FlowPicker.Purpose.SELECT);
        return Optional.of(new Selection(g.socks().get(i), rule, h, i, n));
    }

    /**
     * reuseport_migrate_sock() without a BPF program: the connection's own hash (sk_hash, made
     * from its real local address) over socks[0 .. num_socks-1], the members still listening; the
     * closing listener has already left that section and the closed section is never a target.
     * {@code purpose} says whether a queued child or a request moves.
     */
    public Optional<SimSocket> migrationTarget(SimSocket closing, Endpoint local, Endpoint remote,
            FlowPicker.Purpose purpose) {
        if (!(closing.reuseportGroup() instanceof ReuseportGroup g) || g.socks().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(g.socks().get(flows.pick(local, remote, g.socks(), purpose)));
    }
}
