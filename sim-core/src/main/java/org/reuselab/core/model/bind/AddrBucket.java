package org.reuselab.core.model.bind;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.SequencedCollection;
import java.util.TreeMap;
import org.reuselab.core.model.sock.BindOwner;
import org.reuselab.core.model.sock.OwnerListener;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.IpAddr;

/**
 * The owners of one (port, local address): the kernel's inet_bind2_bucket (bhash2, 6.1+). A v4
 * address is kept in its v4-mapped form, so a v4 socket on 127.0.0.1 and a v6 socket on
 * ::ffff:127.0.0.1 share a bucket while 0.0.0.0 and :: do not (inet_bind2_bucket_match(), 6.8+).
 * Owners are also filed by {@link OwnerClass}, newest last within each class, so a conflict
 * check tests one owner per class.
 */
public final class AddrBucket implements OwnerListener {

    private final IpAddr key;
    private final LinkedHashSet<BindOwner> members = new LinkedHashSet<>();
    private final Map<OwnerClass, TreeMap<Long, BindOwner>> classes = new LinkedHashMap<>();
    private final Map<BindOwner, Filed> filed = new IdentityHashMap<>();
    private final FastFlags flags = new FastFlags();
    private long nextSeq;

    private record Filed(OwnerClass cls, long seq) {
    }

    AddrBucket(IpAddr key) {
        this.key = key;
    }

    /** The bucket key for an owner's address. */
    static IpAddr keyOf(IpAddr rcvSaddr) {
        return rcvSaddr.toV6();
    }

    public IpAddr key() {
        return key;
    }

    /** Owners, newest first: the kernel adds to the head of the list. */
    public SequencedCollection<BindOwner> owners() {
        return members.reversed();
    }

    public int size() {
        return members.size();
    }

    /** The copy of the port bucket's flags kept per address bucket in 6.18. */
    public FastFlags flags() {
        return flags;
    }

    void add(BindOwner owner) {
        members.add(owner);
        long seq = nextSeq++;
        file(owner, OwnerClass.of(owner), seq);
        if (owner instanceof SimSocket s) {
            s.setOwnerListener(this);
        }
    }

    boolean remove(BindOwner owner) {
        if (!members.remove(owner)) {
            return false;
        }
        unfile(owner);
        if (owner instanceof SimSocket s) {
            s.setOwnerListener(null);
        }
        return true;
    }

    @Override
    public void ownerChanged(BindOwner owner) {
        Filed f = filed.get(owner);
        OwnerClass now = OwnerClass.of(owner);
        if (f != null && !f.cls().equals(now)) {
            unfile(owner);
            file(owner, now, f.seq());
        }
    }

    private void file(BindOwner owner, OwnerClass cls, long seq) {
        classes.computeIfAbsent(cls, c -> new TreeMap<>()).put(seq, owner);
        filed.put(owner, new Filed(cls, seq));
    }

    private void unfile(BindOwner owner) {
        Filed f = filed.remove(owner);
        TreeMap<Long, BindOwner> members = classes.get(f.cls());
        members.remove(f.seq());
        if (members.isEmpty()) {
            classes.remove(f.cls());
        }
    }

    /** The classes of owners, each newest last by the order they joined the bucket. */
    Iterable<TreeMap<Long, BindOwner>> classes() {
        return classes.values();
    }

    /** The class the owner is filed in, or null when it is not an owner here. */
    TreeMap<Long, BindOwner> classOf(BindOwner owner) {
        Filed f = filed.get(owner);
        return f == null ? null : classes.get(f.cls());
    }

    boolean allConnectBound() {
        return classes.keySet().stream().allMatch(OwnerClass::connectBind);
    }
}
