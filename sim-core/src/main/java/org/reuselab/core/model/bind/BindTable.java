package org.reuselab.core.model.bind;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeMap;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.model.sock.BindOwner;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.IpAddr;

/** The namespace's bind table: port buckets holding address buckets holding owners. */
public final class BindTable {

    private final TreeMap<Integer, PortBucket> ports = new TreeMap<>();

    public Optional<PortBucket> bucket(int port) {
        return Optional.ofNullable(ports.get(port));
    }

    /** Buckets in port order. */
    public Collection<PortBucket> buckets() {
        return ports.values();
    }

    PortBucket getOrCreate(int port) {
        return ports.computeIfAbsent(port, PortBucket::new);
    }

    /** inet_bind_hash(): the socket becomes an owner of the port at its current address. */
    void hash(PortBucket tb, SimSocket s, int port, KernelProfile profile) {
        s.setPort(port);
        s.setHashedInBindTable(true);
        AddrBucket tb2 = tb.findOrCreate(s.rcvSaddr());
        tb2.add(s);
        if (profile.releaseRecomputesConnectOnly()) {
            tb2.flags().copyFrom(tb.flags());
        }
    }

    /**
     * An owner made by connect() autobind: the port bucket and address bucket are created with
     * -1/-1 when new (__inet_hash_connect()).
     */
    public void hashConnectBound(SimSocket s, int port) {
        boolean fresh = !ports.containsKey(port);
        PortBucket tb = getOrCreate(port);
        if (fresh) {
            tb.flags().markConnectOnly();
        }
        boolean freshAddr = tb.find(s.rcvSaddr()).isEmpty();
        AddrBucket tb2 = tb.findOrCreate(s.rcvSaddr());
        if (freshAddr) {
            tb2.flags().markConnectOnly();
        }
        tb2.add(s);
        s.setPort(port);
        s.setHashedInBindTable(true);
        s.setConnectBind(true);
    }

    /** A TIME_WAIT record takes its socket's place among the owners (inet_twsk_hashdance_schedule()). */
    public void replaceWithTimeWait(SimSocket s, BindOwner tw) {
        PortBucket tb = ports.get(s.port());
        AddrBucket tb2 = tb.find(s.rcvSaddr()).orElseThrow();
        tb2.remove(s);
        tb2.add(tw);
        s.setHashedInBindTable(false);
    }

    /** A TIME_WAIT record joins its socket's address bucket while the socket stays an owner. */
    public void addTimeWait(SimSocket s, BindOwner tw) {
        ports.get(s.port()).findOrCreate(tw.rcvSaddr()).add(tw);
    }

    /** An owner on a wildcard address moves to the address connect() chose (inet_bhash2_update_saddr()). */
    public void moveAddress(SimSocket s, IpAddr newAddr) {
        PortBucket tb = ports.get(s.port());
        AddrBucket old = tb.find(s.rcvSaddr()).orElseThrow();
        old.remove(s);
        tb.removeEmpty(old);
        s.setRcvSaddr(newAddr);
        tb.findOrCreate(newAddr).add(s);
    }

    /** __inet_put_port(): the owner leaves; empty buckets go; 6.18 recomputes the connect-only state. */
    public void release(BindOwner owner, KernelProfile profile) {
        PortBucket tb = ports.get(owner.port());
        if (tb == null) {
            return;
        }
        Optional<AddrBucket> found = tb.find(owner.rcvSaddr());
        if (found.isEmpty() || !found.get().remove(owner)) {
            return;
        }
        AddrBucket tb2 = found.get();
        if (owner instanceof SimSocket s) {
            // __inet_put_port() clears inet_num; getsockname() still shows inet_sport.
            s.setHashedInBindTable(false);
            s.setPort(0);
        }
        tb.removeEmpty(tb2);
        if (profile.releaseRecomputesConnectOnly() && !tb2.owners().isEmpty() && tb2.allConnectBound()) {
            tb2.flags().markConnectOnly();
        }
        if (tb.isEmpty()) {
            ports.remove(tb.port());
        } else if (profile.releaseRecomputesConnectOnly()
                && tb.addrBuckets().stream().allMatch(AddrBucket::allConnectBound)) {
            tb.flags().markConnectOnly();
        }
    }

    /**
     * __inet_inherit_port(): an accepted child owns the listener's port at its own local address
     * (a new address bucket takes the port bucket's flags).
     */
    public void inherit(SimSocket child, int port) {
        PortBucket tb = getOrCreate(port);
        boolean fresh = tb.find(child.rcvSaddr()).isEmpty();
        AddrBucket tb2 = tb.findOrCreate(child.rcvSaddr());
        if (fresh) {
            tb2.flags().copyFrom(tb.flags());
        }
        child.setPort(port);
        child.setHashedInBindTable(true);
        tb2.add(child);
    }
}
