package org.reuselab.probe;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reuselab.core.model.Rule;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.trace.Event;
import org.reuselab.core.trace.Outcome;

/**
 * Accepting, serving, and observing which listener got a connection: a serving listener's child
 * names its peer; any other listener shows the connection as growth of its accept queue
 * (TCP_INFO tcpi_unacked).
 */
final class Listeners {

    private static final int ACCEPT_MAX = 10_000;

    private final SocketTable table;
    private final List<Event> log;
    /** Peer (as the listener sees it) to the serving listener that accepted it, since the last {@link #forget()}. */
    private final Map<Endpoint, String> servedBy = new HashMap<>();

    Listeners(SocketTable table, List<Event> log) {
        this.table = table;
        this.log = log;
    }

    /** What one accept() gave: a child, or the errno. */
    record Taken(Outcome.Child child, int errno) {
        boolean ok() {
            return child != null;
        }
    }

    /** One non-blocking accept4(); the child is registered under its name. */
    Taken acceptOne(ProbeSocket l, Optional<String> as) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment addr = a.allocate(SockAddr.STORAGE_LEN);
            MemorySegment len = a.allocate(ValueLayout.JAVA_INT);
            len.set(ValueLayout.JAVA_INT, 0, SockAddr.STORAGE_LEN);
            Libc.Sys r = Libc.accept4(l.fd, addr, len, Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC);
            if (r.failed()) {
                return new Taken(null, r.errno());
            }
            Endpoint peer = SockAddr.decode(addr, "");
            String name = as.orElseGet(() -> table.nextChildName(l.name));
            table.add(new ProbeSocket(name, r.fd(), l.family, 0));
            return new Taken(new Outcome.Child(name, peer), 0);
        }
    }

    /** Every serving listener accepts what is queued (and closes it when asked to). */
    void serveAll() {
        for (ProbeSocket l : table.all()) {
            if (!l.serving) {
                continue;
            }
            for (int i = 0; i < ACCEPT_MAX; i++) {
                Taken t = acceptOne(l, Optional.empty());
                if (!t.ok()) {
                    break;
                }
                log.add(new Event.Served(l.name, t.child().name(), t.child().peer(), Rule.OBSERVED));
                servedBy.put(plain(t.child().peer()), l.name);
                if (l.closeServed) {
                    table.find(t.child().name()).ifPresent(table::close);
                }
            }
        }
    }

    void forget() {
        servedBy.clear();
    }

    /** How many connections each serving listener took since {@link #forget}. */
    Map<String, Integer> servedCounts() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        servedBy.values().forEach(l -> out.merge(l, 1, Integer::sum));
        return out;
    }

    /** Accept queue length of every listening socket. */
    Map<String, Integer> queues() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (ProbeSocket s : table.all()) {
            Sockets.TcpInfo i = Sockets.tcpInfo(s.fd);
            if (i.state() == TcpState.LISTEN) {
                out.put(s.name, i.unacked());
            }
        }
        return out;
    }

    /** The listener that took the connection from {@code peer}: the one that served it, else the one whose queue grew. */
    Optional<String> whoTook(Endpoint peer, Map<String, Integer> before) {
        String served = servedBy.get(plain(peer));
        if (served != null) {
            return Optional.of(served);
        }
        Map<String, Integer> after = queues();
        List<String> grew = after.entrySet().stream()
                .filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0)).map(Map.Entry::getKey).toList();
        return grew.size() == 1 ? Optional.of(grew.getFirst()) : Optional.empty();
    }

    /** Listeners see a v4-mapped peer of an IPv6 client as plain IPv4 (and the other way round). */
    static Endpoint plain(Endpoint e) {
        return e.addr().isV4Mapped() ? new Endpoint(e.addr().toV4(), e.port()) : new Endpoint(e.addr(), e.port());
    }

    /** The listening members of {@code name}'s reuseport group: listeners with SO_REUSEPORT on its address. */
    List<String> groupOf(String name) {
        Optional<ProbeSocket> me = table.find(name);
        if (me.isEmpty()) {
            return List.of(name);
        }
        Optional<Endpoint> at = Sockets.local(me.get().fd, "");
        List<String> members = table.all().stream()
                .filter(s -> Sockets.tcpInfo(s.fd).state() == TcpState.LISTEN)
                .filter(s -> Sockets.getInt(s.fd, Sockets.SOL_SOCKET, 15).value() == 1)
                .filter(s -> Sockets.local(s.fd, "").equals(at)).map(s -> s.name).toList();
        return members.contains(name) ? members : List.of(name);
    }
}
