package org.reuselab.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.reuselab.core.kernel.SysctlKey;
import org.reuselab.core.model.hash.EhashFunction;
import org.reuselab.core.model.listen.ReuseportGroup;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.scenario.Step;

/**
 * Listeners stopped one after another with tcp_migrate_req=1 (6.12 net/core/sock_reuseport.c,
 * net/ipv4/inet_connection_sock.c inet_csk_listen_stop()): the closed section's array order, and
 * where each queued child goes and in which order it joins its new queue.
 */
class ListenerMigrationTest {

    private static final Endpoint LOCAL = new Endpoint(IpAddr.parse("10.0.0.1"), 5000);

    private static TestHost group(int n, long seed) {
        TestHost h = new TestHost("6.18", seed);
        h.sysctl(SysctlKey.TCP_MIGRATE_REQ, "1");
        for (int i = 0; i < n; i++) {
            h.socket("l" + i, "RP");
            h.bind("l" + i, "10.0.0.1:5000");
            h.listen("l" + i);
        }
        return h;
    }

    private static List<String> names(List<SimSocket> socks) {
        return socks.stream().map(SimSocket::name).toList();
    }

    /**
     * A stopped member goes to the front of the closed section; one that leaves it is replaced by
     * the section's front member (__reuseport_detach_closed_sock()), not by closing the gap.
     */
    @Test
    void closedSection_frontMemberFillsTheLeaversSlot() {
        TestHost h = group(5, 1);
        ReuseportGroup g = (ReuseportGroup) h.sock("l0").reuseportGroup();
        for (String s : List.of("l1", "l3", "l0", "l2")) {
            h.close.shutdown(h.sock(s), Step.How.RDWR);
        }
        assertEquals(List.of("l4"), names(g.socks()));
        assertEquals(List.of("l2", "l0", "l3", "l1"), names(g.closed()));
        h.close("l1");
        assertEquals(List.of("l0", "l3", "l2"), names(g.closed()));
        h.close("l0");
        assertEquals(List.of("l3", "l2"), names(g.closed()));
    }

    /**
     * Every queued child of a stopped member goes to socks[(sk_hash * num_socks) >> 32] of the
     * members still listening, appended in the stopped queue's order; computed here from the hash
     * and swap-with-last alone, for stops in any order.
     */
    @Property(tries = 100)
    void stoppedMembers_childrenFollowTheirHashInQueueOrder(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 23) int orderIndex) {
        TestHost h = group(5, seed);
        List<Endpoint> peers = new ArrayList<>();
        for (int p = 40000; p < 40025; p++) {
            Endpoint peer = new Endpoint(IpAddr.parse("10.0.0.2"), p);
            h.peers.handshake(peer, p, LOCAL);
            peers.add(peer);
        }
        Map<String, List<Endpoint>> expected = expectedQueues(h, peers);
        List<String> members = new ArrayList<>(List.of("l0", "l1", "l2", "l3", "l4"));
        for (String stopped : stopOrder(orderIndex)) {
            int slot = members.indexOf(stopped);
            String last = members.removeLast();
            if (!last.equals(stopped)) {
                members.set(slot, last);
            }
            for (Endpoint child : expected.remove(stopped)) {
                int target = EhashFunction.scale(h.ns.flows.hash(LOCAL, child).orElseThrow(), members.size());
                expected.get(members.get(target)).add(child);
            }
            h.close.shutdown(h.sock(stopped), Step.How.RDWR);
            for (String m : members) {
                assertEquals(expected.get(m), queue(h, m), "queue of " + m + " after " + stopped + " stopped");
            }
        }
    }

    /** The four of l0..l3 in one of the 24 orders; l4 stays. */
    private static List<String> stopOrder(int index) {
        List<String> left = new ArrayList<>(List.of("l0", "l1", "l2", "l3"));
        List<String> order = new ArrayList<>();
        int rest = index;
        for (int k = 4; k > 0; k--) {
            order.add(left.remove(rest % k));
            rest /= k;
        }
        return order;
    }

    private static Map<String, List<Endpoint>> expectedQueues(TestHost h, List<Endpoint> peers) {
        Map<String, List<Endpoint>> queues = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            queues.put("l" + i, new ArrayList<>());
        }
        for (Endpoint p : peers) {
            queues.get("l" + EhashFunction.scale(h.ns.flows.hash(LOCAL, p).orElseThrow(), 5)).add(p);
        }
        return queues;
    }

    private static List<Endpoint> queue(TestHost h, String listener) {
        return h.sock(listener).listenQueue().acceptQueue().stream().map(c -> c.peer().orElseThrow()).toList();
    }
}
