package org.reuselab.core.model.listen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.model.bind.AddressOverlap;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.TcpState;

/**
 * The listening hash: per port, the listeners in the kernel's chain order (IPv4 and non-reuseport
 * IPv6 at the head, reuseport IPv6 at the tail: __inet_hash()), and their reuseport groups.
 */
public final class ListeningTable {

    private final TreeMap<Integer, List<SimSocket>> chains = new TreeMap<>();
    private final KernelProfile profile;
    private int nextGroupId = 1;

    public ListeningTable(KernelProfile profile) {
        this.profile = profile;
    }

    /** Listeners on a port, in chain order. */
    public List<SimSocket> chain(int port) {
        return chains.getOrDefault(port, List.of());
    }

    /** Every port with listeners, in order. */
    public java.util.Set<Integer> ports() {
        return chains.keySet();
    }

    /** A reuseport group for a socket not yet listening (reuseport_alloc() on BPF attach). */
    public ReuseportGroup newGroup(SimSocket s) {
        ReuseportGroup g = new ReuseportGroup(nextGroupId++);
        g.add(s);
        return g;
    }

    /**
     * __inet_hash(): into the chain, and into a reuseport group (inet_reuseport_add_sock()).
     * Returns EBUSY when the socket owns a group with other members and would have to leave it.
     */
    public Optional<Errno> hash(SimSocket s) {
        if (s.reusePort() && profile.reuseportGroups()) {
            Optional<Errno> err = joinGroup(s);
            if (err.isPresent()) {
                return err;
            }
        }
        List<SimSocket> chain = chains.computeIfAbsent(s.port(), p -> new ArrayList<>());
        if (s.family() == Family.IPV6 && s.reusePort()) {
            chain.addLast(s);
        } else {
            chain.addFirst(s);
        }
        return Optional.empty();
    }

    private Optional<Errno> joinGroup(SimSocket s) {
        Optional<SimSocket> mate = chain(s.port()).stream().filter(o -> groupMates(s, o)).findFirst();
        ReuseportGroup own = s.reuseportGroup() instanceof ReuseportGroup g ? g : null;
        if (mate.isEmpty()) {
            if (own != null && own.closed().contains(s)) {
                // reuseport_alloc() -> reuseport_resurrect() with no group to join (5.14+, as in
                // 6.12): a fresh group without the old one's program; the old group keeps the
                // other closed members, whose requests then have no listener to migrate to.
                own.detach(s);
                own = null;
            }
            if (own == null) {
                newGroup(s);
            }
            return Optional.empty();
        }
        ReuseportGroup target = mate.get().reuseportGroup() instanceof ReuseportGroup g ? g : newGroupFor(mate.get());
        if (own != null && own != target) {
            if (own.closed().contains(s)) {
                own.detach(s);
            } else if (own.socks().size() != 1) {
                return Optional.of(Errno.EBUSY);
            } else {
                own.detach(s);
            }
        }
        if (target.closed().contains(s)) {
            target.resurrect(s);
        } else if (!target.socks().contains(s)) {
            target.add(s);
        }
        return Optional.empty();
    }

    private ReuseportGroup newGroupFor(SimSocket mate) {
        return newGroup(mate);
    }

    /**
     * The join rules of inet_reuseport_add_sock(): same family, V6ONLY, device and port, both
     * SO_REUSEPORT, the same uid, and exactly the same address (a wildcard matches only a wildcard).
     */
    private boolean groupMates(SimSocket s, SimSocket o) {
        return o != s && o.family() == s.family() && o.ipv6only() == s.ipv6only()
                && o.boundDevice().equals(s.boundDevice()) && o.reusePort()
                && o.uid() == s.uid() && AddressOverlap.overlap(s, o, false);
    }

    /**
     * unhash at close or shutdown: out of the chain; out of the group, or into its closed section
     * when migration is on (reuseport_stop_listen_sock(), decided now).
     */
    public void unhash(SimSocket s, boolean migrationCapable) {
        List<SimSocket> chain = chains.get(s.port());
        if (chain != null) {
            chain.remove(s);
            if (chain.isEmpty()) {
                chains.remove(s.port());
            }
        }
        if (s.reuseportGroup() instanceof ReuseportGroup g) {
            if (migrationCapable && profile.listenerMigration()) {
                g.stopListen(s);
            } else {
                g.detach(s);
            }
        }
    }

    /** reuseport_detach_sock() at destruction: a closed member leaves its group for good. */
    public void destroy(SimSocket s) {
        if (s.reuseportGroup() instanceof ReuseportGroup g) {
            g.detach(s);
        }
    }

    /** Groups of a port in chain order of their first member met. */
    public List<ReuseportGroup> groups(int port) {
        List<ReuseportGroup> out = new ArrayList<>();
        for (SimSocket s : chain(port)) {
            if (s.reuseportGroup() instanceof ReuseportGroup g && !out.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }

    /** Whether the socket is hashed as a listener. */
    public boolean contains(SimSocket s) {
        return s.state() == TcpState.LISTEN && chain(s.port()).contains(s);
    }
}
