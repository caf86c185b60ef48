package org.reuselab.core.model.bind;

import org.reuselab.core.model.sock.BindOwner;
import org.reuselab.core.model.sock.OwnerListener;

/**
 * One owner's place in its address bucket: a link in the bucket's list and in its class's list,
 * both oldest first (the kernel's sk_bind_node and sk_bind2_node are links in the socket too).
 * It hears when the owner's fields change, so the owner moves to its new class.
 */
final class OwnerNode implements OwnerListener {

    final BindOwner owner;
    final long seq;
    private final AddrBucket bucket;
    OwnerClassList cls;
    OwnerNode olderInClass;
    OwnerNode newerInClass;
    OwnerNode older;
    OwnerNode newer;

    OwnerNode(BindOwner owner, long seq, AddrBucket bucket) {
        this.owner = owner;
        this.seq = seq;
        this.bucket = bucket;
    }

    @Override
    public void ownerChanged(BindOwner o) {
        bucket.refile(this);
    }
}
