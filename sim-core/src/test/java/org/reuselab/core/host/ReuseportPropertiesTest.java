package org.reuselab.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.reuselab.core.model.hash.EhashFunction;
import org.reuselab.core.model.listen.ReuseportGroup;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.IpAddr;

/** Properties of reuseport groups and selection (kernel-accept.md §1, §2). */
class ReuseportPropertiesTest {

    private static final Endpoint LOCAL = new Endpoint(IpAddr.parse("10.0.0.1"), 5000);

    private static TestHost group(int n, long seed) {
        TestHost h = new TestHost("6.18", seed);
        for (int i = 0; i < n; i++) {
            h.socket("l" + i, "RP");
            h.bind("l" + i, "10.0.0.1:5000");
            h.listen("l" + i);
        }
        return h;
    }

    private static String pick(TestHost h, Endpoint remote) {
        return h.ns.selector.select(LOCAL, remote, "eth0", 0).orElseThrow().listener().name();
    }

    private static int hash(TestHost h, Endpoint remote) {
        return h.ns.flows.hash(LOCAL, remote).orElseThrow();
    }

    /** Appending a member moves exactly the flows whose index (h*n)>>32 changes with n+1. */
    @Property(tries = 200)
    void addingListener_movesExactlyFlowsWhoseScaledIndexChanges(@ForAll @IntRange(min = 1, max = 12) int n,
            @ForAll long seed) {
        TestHost h = group(n, seed);
        List<Endpoint> flows = new ArrayList<>();
        List<String> before = new ArrayList<>();
        for (int p = 40000; p < 40100; p++) {
            Endpoint remote = new Endpoint(IpAddr.parse("10.0.0.2"), p);
            flows.add(remote);
            before.add(pick(h, remote));
        }
        h.socket("extra", "RP");
        h.bind("extra", "10.0.0.1:5000");
        h.listen("extra");
        for (int i = 0; i < flows.size(); i++) {
            int hv = hash(h, flows.get(i));
            boolean predictedMove = EhashFunction.scale(hv, n) != EhashFunction.scale(hv, n + 1);
            boolean moved = !before.get(i).equals(pick(h, flows.get(i)));
            assertEquals(predictedMove, moved, "flow " + flows.get(i) + " hash " + Integer.toUnsignedString(hv));
        }
    }

    /** Closing member i copies the last member into slot i and keeps every other slot (swap with last). */
    @Property(tries = 200)
    void removingMember_movesLastIntoItsSlot(@ForAll @IntRange(min = 2, max = 12) int n,
            @ForAll @IntRange(min = 0, max = 11) int victimIndex) {
        int victim = victimIndex % n;
        TestHost h = group(n, 1);
        ReuseportGroup g = (ReuseportGroup) h.sock("l0").reuseportGroup();
        List<SimSocket> expected = new ArrayList<>(g.socks());
        SimSocket last = expected.removeLast();
        if (victim < expected.size()) {
            expected.set(victim, last);
        }
        h.close("l" + victim);
        assertEquals(expected.stream().map(SimSocket::name).toList(), g.socks().stream().map(SimSocket::name).toList());
    }

    /** The same 4-tuple always reaches the same listener while the group is unchanged. */
    @Property(tries = 100)
    void sameFourTuple_sameListener(@ForAll @IntRange(min = 1, max = 16) int n, @ForAll long seed,
            @ForAll @IntRange(min = 1024, max = 65535) int port) {
        TestHost h = group(n, seed);
        Endpoint remote = new Endpoint(IpAddr.parse("10.0.0.2"), port);
        assertEquals(pick(h, remote), pick(h, remote));
    }
}
