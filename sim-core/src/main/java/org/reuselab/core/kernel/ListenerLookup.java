package org.reuselab.core.kernel;

/** How a SYN finds its listener (__inet_lookup_listener()). */
public enum ListenerLookup {
    /**
     * Before 4.16: one chain of every listener on the port, newest first; scores favour an exact
     * address (+4) and a bound device (+4); the first SO_REUSEPORT socket that raises the best
     * score ends the walk with its group's choice.
     */
    PORT_CHAIN,
    /**
     * 4.16 to 5.18: as {@link #PORT_CHAIN}, but when more than ten listeners share the port's
     * bucket the (port, address) table is searched, exact address first, then the wildcard.
     */
    PORT_CHAIN_OR_ADDRESS,
    /** 5.19+ (cae3873c5b3a): the (port, address) table only, exact address first, then the wildcard. */
    ADDRESS_FIRST
}
