package org.reuselab.core.model.sock;

/** Told when an owner's fields that the bind rules read change (its bucket re-files it). */
public interface OwnerListener {

    void ownerChanged(BindOwner owner);
}
