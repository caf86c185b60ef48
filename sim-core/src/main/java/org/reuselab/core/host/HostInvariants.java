package org.reuselab.core.host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reuselab.core.model.bind.AddrBucket;
import org.reuselab.core.model.bind.PortBucket;
import org.reuselab.core.model.listen.ReuseportGroup;
import org.reuselab.core.model.sock.BindOwner;
import org.reuselab.core.model.sock.RequestSock;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.TcpState;

/**
 * The structural invariants of a simulated namespace, read off its tables. A broken one is a bug
 * in the model. Checked after every step of every library file and fuzzed scenario in the tests,
 * and by {@code reuselab run --check-invariants}.
 */
final class HostInvariants {

    private HostInvariants() {
    }

    /** Every invariant that does not hold, in words (empty when all hold). */
    static List<String> check(Netns ns) {
        List<String> broken = new ArrayList<>();
        Map<BindOwner, String> seen = bindTable(ns, broken);
        Set<SimSocket> live = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SimSocket s : ns.sockets.all()) {
            live.add(s);
            if (s.listenQueue() != null) {
                live.addAll(s.listenQueue().acceptQueue());
            }
        }
        for (SimSocket s : live) {
            if (s.hashedInBindTable() && !seen.containsKey(s)) {
                broken.add(s.describe() + " is marked bound but is in no bind bucket");
            }
            group(s, broken);
            queues(s, broken);
        }
        return broken;
    }

    /** Each owner in exactly one address bucket of its own port and address; no empty bucket. */
    private static Map<BindOwner, String> bindTable(Netns ns, List<String> broken) {
        Map<BindOwner, String> seen = new IdentityHashMap<>();
        for (PortBucket tb : ns.binds.buckets()) {
            if (tb.isEmpty()) {
                broken.add("port bucket " + tb.port() + " is empty but kept");
            }
            for (AddrBucket b : tb.addrBuckets()) {
                String where = tb.port() + " " + b.key();
                if (b.owners().isEmpty()) {
                    broken.add("address bucket " + where + " is empty but kept");
                }
                for (BindOwner o : b.owners()) {
                    String before = seen.put(o, where);
                    if (before != null) {
                        broken.add(o.describe() + " is in two address buckets: " + before + " and " + where);
                    }
                    if (o.port() != tb.port() || !o.rcvSaddr().toV6().equals(b.key())) {
                        broken.add(o.describe() + " sits in bucket " + where + " of another port or address");
                    }
                    if (o instanceof SimSocket s && !s.hashedInBindTable()) {
                        broken.add(s.describe() + " is in bucket " + where + " but not marked bound");
                    }
                }
            }
        }
        return seen;
    }

    /**
     * A reuseport group lists listening sockets of one port that point back at it (or only the
     * socket a program was attached to before it listened), and keeps its closed section (members
     * shut down for migration) out of the listening part.
     */
    private static void group(SimSocket s, List<String> broken) {
        if (!(s.reuseportGroup() instanceof ReuseportGroup g) || g.socks().isEmpty()) {
            return;
        }
        // A program attached before listen() makes a group of the one socket (reuseport_alloc()).
        if (g.socks().size() == 1 && g.socks().getFirst() == s && s.state() != TcpState.LISTEN) {
            return;
        }
        int port = g.socks().getFirst().port();
        for (SimSocket m : g.socks()) {
            if (m.state() != TcpState.LISTEN || m.port() != port || m.reuseportGroup() != g) {
                broken.add(g + " lists " + m.describe() + ", which is not a listener of port " + port + " in it");
            }
        }
        for (SimSocket m : g.closed()) {
            if (m.state() == TcpState.LISTEN || g.socks().contains(m)) {
                broken.add(g + " keeps " + m.describe() + " in its closed section while it listens");
            }
        }
    }

    /**
     * A listener's requests point at it; its accept queue holds at most backlog + 1 children
     * (inet_csk_reqsk_queue_add() does not check the backlog for migrated children, so a queue
     * that took children from a closing member may hold more).
     */
    private static void queues(SimSocket s, List<String> broken) {
        if (s.listenQueue() == null) {
            return;
        }
        for (RequestSock r : s.listenQueue().requests()) {
            if (r.listener() != s) {
                broken.add("a request of " + s.describe() + " points at another listener");
            }
        }
        int len = s.listenQueue().acceptQueue().size();
        boolean migratedIn = s.listenQueue().acceptQueue().stream().anyMatch(c -> c.migrated());
        if (s.state() == TcpState.LISTEN && !migratedIn && len > s.backlog() + 1) {
            broken.add("the accept queue of " + s.describe() + " holds " + len + " with backlog " + s.backlog());
        }
    }
}
