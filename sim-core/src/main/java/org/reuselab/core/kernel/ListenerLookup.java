package org.reuselab.core.kernel;

/** How a SYN finds its listener (__inet_lookup_listener()). */
public enum ListenerLookup {
    /**
     * Before 4.16: one chain of every listener on the port, newest first; scores favour an exact
     * address (+4) and a bound device (+4); the first SO_REUSEPORT socket that raises the best
     * score ends the walk with its group's choice; without a group's choice, equal scores are
     * drawn by reservoir sampling.
     */
    PORT_CHAIN,
    /**
     * 4.16 to 4.20: as {@link #PORT_CHAIN} without the reservoir, but when more than ten listeners
     * share the port's bucket the (port, address) table is searched, exact address first.
     */
    PORT_CHAIN_OR_ADDRESS,
    /**
     * 5.0+ (d9fbc7f6431f "net: tcp: prefer listeners bound to an address"): the (port, address)
     * table, exact address first, then the wildcard, whose groups hash the flow with local
     * address 0. 5.19 (cae3873c5b3a) retired the port-only table without changing the result.
     */
    ADDRESS_FIRST
}
