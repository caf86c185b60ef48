package org.reuselab.core.model.bind;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.reuselab.core.model.sock.BindOwner;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.model.sock.TimeWaitSock;
import org.reuselab.core.net.IpAddr;

/**
 * The owners of one (port, local address): the kernel's inet_bind2_bucket (bhash2, 6.1+). A v4
 * address is kept in its v4-mapped form, so a v4 socket on 127.0.0.1 and a v6 socket on
 * ::ffff:127.0.0.1 share a bucket while 0.0.0.0 and :: do not (inet_bind2_bucket_match(), 6.8+).
 * Owners are also filed by {@link OwnerClass}, newest last within each class, so a conflict
 * check tests one owner per class. Owners are linked lists of {@link OwnerNode}s, so an owner
 * costs one small node however many there are.
 */
public final class AddrBucket {

    private final IpAddr key;
    private final Map<OwnerClass, OwnerClassList> classes = new LinkedHashMap<>();
    /** Nodes of TIME_WAIT owners; a socket keeps its node itself (as its owner listener). */
    private final Map<TimeWaitSock, OwnerNode> timeWaitNodes = new IdentityHashMap<>();
    private final FastFlags flags = new FastFlags();
    private OwnerNode newest;
    private int size;
    private long nextSeq;
    /** The class list an owner was filed in last (it is in {@link #classes} while not empty). */
    private OwnerClassList lastFiled;

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
    public List<BindOwner> owners() {
        return ownerStream().toList();
    }

    /** The same, lazily. */
    Stream<BindOwner> ownerStream() {
        return Stream.iterate(newest, Objects::nonNull, n -> n.older).map(n -> n.owner);
    }

    public int size() {
        return size;
    }

    /** The copy of the port bucket's flags kept per address bucket in 6.18. */
    public FastFlags flags() {
        return flags;
    }

    void add(BindOwner owner) {
        OwnerNode n = new OwnerNode(owner, nextSeq++, this);
        n.older = newest;
        if (newest != null) {
            newest.newer = n;
        }
        newest = n;
        size++;
        file(n);
        switch (owner) {
            case SimSocket s -> s.setOwnerListener(n);
            case TimeWaitSock tw -> timeWaitNodes.put(tw, n);
        }
    }

    boolean remove(BindOwner owner) {
        OwnerNode n = nodeOf(owner);
        if (n == null) {
            return false;
        }
        if (n.older != null) {
            n.older.newer = n.newer;
        }
        if (n.newer == null) {
            newest = n.older;
        } else {
            n.newer.older = n.older;
        }
        size--;
        unfile(n);
        switch (owner) {
            case SimSocket s -> s.setOwnerListener(null);
            case TimeWaitSock tw -> timeWaitNodes.remove(tw);
        }
        return true;
    }

    /** The owner's fields changed: it moves to the list of its new class, keeping its age. */
    void refile(OwnerNode n) {
        OwnerClass now = OwnerClass.of(n.owner);
        if (!n.cls.cls.equals(now)) {
            unfile(n);
            file(n);
        }
    }

    private OwnerNode nodeOf(BindOwner owner) {
        return switch (owner) {
            case SimSocket s -> s.ownerListener() instanceof OwnerNode n && contains(n) ? n : null;
            case TimeWaitSock tw -> timeWaitNodes.get(tw);
        };
    }

    private boolean contains(OwnerNode n) {
        return n.cls != null && classes.get(n.cls.cls) == n.cls;
    }

    private void file(OwnerNode n) {
        OwnerClass cls = OwnerClass.of(n.owner);
        // Children of one listener arrive in runs of one class: try the class used last first.
        OwnerClassList list = lastFiled != null && lastFiled.cls.equals(cls) && !lastFiled.isEmpty() ? lastFiled
                : classes.computeIfAbsent(cls, OwnerClassList::new);
        list.add(n);
        lastFiled = list;
    }

    private void unfile(OwnerNode n) {
        OwnerClassList list = n.cls;
        list.remove(n);
        if (list.isEmpty()) {
            classes.remove(list.cls);
        }
    }

    /** The classes of owners, each newest last by the order they joined the bucket. */
    Iterable<OwnerClassList> classes() {
        return classes.values();
    }

    /** The class list the owner is filed in, or null when it is not an owner here. */
    OwnerClassList classOf(BindOwner owner) {
        OwnerNode n = nodeOf(owner);
        return n == null ? null : n.cls;
    }

    boolean allConnectBound() {
        return classes.keySet().stream().allMatch(OwnerClass::connectBind);
    }
}
