package org.reuselab.core.model.bind;

import java.util.ArrayList;
import java.util.List;
import org.reuselab.core.model.sock.BindOwner;
import org.reuselab.core.net.IpAddr;

/**
 * The owners of one (port, local address): the kernel's inet_bind2_bucket (bhash2, 6.1+). A v4
 * address is kept in its v4-mapped form, so a v4 socket on 127.0.0.1 and a v6 socket on
 * ::ffff:127.0.0.1 share a bucket while 0.0.0.0 and :: do not (inet_bind2_bucket_match(), 6.8+).
 */
public final class AddrBucket {

    private final IpAddr key;
    private final List<BindOwner> owners = new ArrayList<>();
    private final FastFlags flags = new FastFlags();

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
        return owners;
    }

    /** The copy of the port bucket's flags kept per address bucket in 6.18. */
    public FastFlags flags() {
        return flags;
    }

    void add(BindOwner owner) {
        owners.addFirst(owner);
    }

    boolean remove(BindOwner owner) {
        return owners.remove(owner);
    }

    boolean allConnectBound() {
        return owners.stream().allMatch(BindOwner::connectBind);
    }
}
