package org.reuselab.core.kernel;

/** How connect() picks a local port for an unbound socket (__inet_hash_connect()). */
public enum ConnectPortSearch {
    /** 3.10: a static hint plus a per-destination offset, then every port in turn, any parity. */
    HINT_SEQUENTIAL,
    /** 4.2-4.5 (07f4c90062f8): the same walk from an even start. */
    HINT_EVEN_START,
    /**
     * 5.12 (190cc82489f4) and the 2022 series, backported to 4.9.y-5.15.y: RFC 6056 algorithm 4
     * with a 2^16 perturb table and random increments; ports of the range's low parity first,
     * step 2 (step 1 with IP_LOCAL_PORT_RANGE).
     */
    PERTURB
}
