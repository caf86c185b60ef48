package org.reuselab.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.reuselab.core.kernel.SysctlKey;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.trace.Event;
import org.reuselab.core.trace.Outcome;

/**
 * Random reloads on a reuseport port: handshakes, listeners added, closed and shut down, time
 * passing. No established connection is ever lost without a RST to its peer, and every queued
 * child belongs to a listener of the port.
 */
class ConnectionConservationTest {

    private static final Endpoint LOCAL = new Endpoint(IpAddr.parse("10.0.0.1"), 5000);

    @Property(tries = 300)
    void noConnectionLostWithoutReset(@ForAll @Size(min = 5, max = 40) List<@IntRange(min = 0, max = 9) Integer> ops,
            @ForAll boolean migrate, @ForAll @IntRange(min = 0, max = 1) int abortOnOverflow,
            @ForAll("profiles") String profile) {
        TestHost h = new TestHost(profile, ops.size());
        if (migrate && h.ns.sysctls.exists(SysctlKey.TCP_MIGRATE_REQ)) {
            h.sysctl(SysctlKey.TCP_MIGRATE_REQ, "1");
        }
        h.sysctl(SysctlKey.TCP_ABORT_ON_OVERFLOW, Integer.toString(abortOnOverflow));
        Set<Endpoint> established = new HashSet<>();
        Set<Endpoint> reset = new HashSet<>();
        int listeners = 0;
        int port = 40000;
        for (int op : ops) {
            switch (op) {
                case 0, 1 -> {
                    String name = "l" + listeners++;
                    h.socket(name, "RP");
                    h.bind(name, "10.0.0.1:5000");
                    h.listen(name);
                }
                case 2, 3, 4, 5 -> handshake(h, new Endpoint(IpAddr.parse("10.0.0.2"), port++), established);
                case 6 -> closeOne(h, listeners, false);
                case 7 -> closeOne(h, listeners, true);
                case 8 -> h.peers.advance(1500);
                default -> acceptOne(h, listeners);
            }
            collectResets(h, reset);
            assertQueuedChildrenBelong(h);
        }
        for (Endpoint peer : established) {
            boolean alive = h.ns.ehash.find(LOCAL, peer).isPresent();
            assertTrue(alive || reset.contains(peer), "connection from " + peer + " vanished without a RST");
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> profiles() {
        return net.jqwik.api.Arbitraries.of("3.10", "4.4", "4.14", "5.4", "5.15", "6.1", "6.18");
    }

    private static void handshake(TestHost h, Endpoint peer, Set<Endpoint> established) {
        StepResult r = h.peers.handshake(peer, peer.port(), LOCAL);
        Outcome.Conn c = ((Outcome.Connections) r.outcome()).conns().getFirst();
        if (c.result().equals(Outcome.Conn.ESTABLISHED) && c.listener().isPresent()) {
            established.add(peer);
        }
    }

    private static void closeOne(TestHost h, int listeners, boolean shutdown) {
        for (int i = 0; i < listeners; i++) {
            var s = h.ns.sockets.find("l" + i);
            if (s.isPresent() && s.get().state() == TcpState.LISTEN) {
                if (shutdown) {
                    h.close.shutdown(s.get(), org.reuselab.core.scenario.Step.How.RDWR);
                } else {
                    h.close("l" + i);
                }
                return;
            }
        }
    }

    private static void acceptOne(TestHost h, int listeners) {
        for (int i = 0; i < listeners; i++) {
            var s = h.ns.sockets.find("l" + i);
            if (s.isPresent() && s.get().state() == TcpState.LISTEN && !s.get().listenQueue().acceptQueue().isEmpty()) {
                h.clients.accept(s.get(), java.util.Optional.empty());
                return;
            }
        }
    }

    private static void collectResets(TestHost h, Set<Endpoint> reset) {
        for (Event e : h.ns.log.drain()) {
            if (e instanceof Event.SegmentOut s && s.flags().contains("R")) {
                reset.add(s.to());
            }
        }
    }

    private static void assertQueuedChildrenBelong(TestHost h) {
        for (SimSocket l : h.ns.sockets.all()) {
            if (l.listenQueue() == null) {
                continue;
            }
            for (SimSocket child : l.listenQueue().acceptQueue()) {
                assertEquals(l.port(), child.port(), "child of " + l.name() + " on another port");
                assertEquals(l, child.parentListener().orElseThrow(), "child queued on a listener it does not name");
                assertEquals(TcpState.LISTEN, l.state(), "child queued on " + l.name() + " which is not listening");
            }
            assertTrue(l.listenQueue().acceptQueue().size() <= l.backlog() + 1, "accept queue over backlog+1");
        }
    }
}
