package org.reuselab.core.model.sock;

/** What the bind rules need to know of a socket's reuseport group (sk_reuseport_cb). */
public interface ReuseportCb {

    /** Members kept in the group's closed section for migration (5.14+). */
    int numClosedSocks();
}
