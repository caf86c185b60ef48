package org.reuselab.probe;

import org.reuselab.core.net.Family;

/** One socket of the scenario: its name, descriptor, family and the uid its calls run as. */
final class ProbeSocket {

    final String name;
    final int fd;
    final Family family;
    int uid;
    /** The scope name the socket was bound with, to print its address as the scenario wrote it. */
    String scope = "";
    boolean serving;
    boolean closeServed = true;

    ProbeSocket(String name, int fd, Family family, int uid) {
        this.name = name;
        this.fd = fd;
        this.family = family;
        this.uid = uid;
    }
}
