package org.reuselab.core.model.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.reuselab.core.model.sock.BindOwner;
import org.reuselab.core.net.IpAddr;

/**
 * One port's bind bucket (inet_bind_bucket): its fast-path flags and its address buckets. The
 * namespace and l3mdev parts of the kernel's key are fixed in the model: one namespace, no VRF.
 */
public final class PortBucket {

    private final int port;
    private final FastFlags flags = new FastFlags();
    private final List<AddrBucket> addrBuckets = new ArrayList<>();

    PortBucket(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    public FastFlags flags() {
        return flags;
    }

    /** Address buckets, newest first (hlist_add_head in the kernel). */
    public List<AddrBucket> addrBuckets() {
        return addrBuckets;
    }

    /** Every owner: address buckets newest first, owners newest first within each. */
    public Stream<BindOwner> owners() {
        return addrBuckets.stream().flatMap(AddrBucket::ownerStream);
    }

    public boolean isEmpty() {
        return addrBuckets.isEmpty();
    }

    public int ownerCount() {
        return addrBuckets.stream().mapToInt(AddrBucket::size).sum();
    }

    Optional<AddrBucket> find(IpAddr rcvSaddr) {
        IpAddr key = AddrBucket.keyOf(rcvSaddr);
        for (AddrBucket b : addrBuckets) {
            if (b.key().equals(key)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    AddrBucket findOrCreate(IpAddr rcvSaddr) {
        return find(rcvSaddr).orElseGet(() -> {
            AddrBucket b = new AddrBucket(AddrBucket.keyOf(rcvSaddr));
            addrBuckets.addFirst(b);
            return b;
        });
    }

    void removeEmpty(AddrBucket bucket) {
        if (bucket.size() == 0) {
            addrBuckets.remove(bucket);
        }
    }
}
