package org.reuselab.core.model.bind;

import org.reuselab.core.model.sock.BindOwner;

/** The owners of one address bucket that share an {@link OwnerClass}, oldest first. */
final class OwnerClassList {

    final OwnerClass cls;
    private OwnerNode oldest;
    private OwnerNode newest;
    private int size;

    OwnerClassList(OwnerClass cls) {
        this.cls = cls;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Links the node in by its sequence number (a refiled owner keeps its place in time). */
    void add(OwnerNode n) {
        OwnerNode after = newest;
        while (after != null && after.seq > n.seq) {
            after = after.olderInClass;
        }
        n.olderInClass = after;
        n.newerInClass = after == null ? oldest : after.newerInClass;
        if (after == null) {
            oldest = n;
        } else {
            after.newerInClass = n;
        }
        if (n.newerInClass == null) {
            newest = n;
        } else {
            n.newerInClass.olderInClass = n;
        }
        n.cls = this;
        size++;
    }

    void remove(OwnerNode n) {
        if (n.olderInClass == null) {
            oldest = n.newerInClass;
        } else {
            n.olderInClass.newerInClass = n.newerInClass;
        }
        if (n.newerInClass == null) {
            newest = n.olderInClass;
        } else {
            n.newerInClass.olderInClass = n.olderInClass;
        }
        n.olderInClass = null;
        n.newerInClass = null;
        n.cls = null;
        size--;
    }

    /** The newest member that is not {@code self} (a listen() re-check finds the socket itself), or null. */
    OwnerNode newestOther(BindOwner self) {
        OwnerNode n = newest;
        while (n != null && n.owner == self) {
            n = n.olderInClass;
        }
        return n;
    }
}
