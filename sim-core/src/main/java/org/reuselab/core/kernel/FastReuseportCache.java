package org.reuselab.core.kernel;

/** What the bind bucket's SO_REUSEPORT fast-path cache ({@code tb->fastreuseport}) remembers. */
public enum FastReuseportCache {
    /**
     * Before 4.14: a 0/1 flag and the uid only. Set by the first owner with SO_REUSEPORT, cleared
     * as soon as an owner without it or of another uid joins; no address is cached.
     */
    UID_ONLY,
    /**
     * 4.14 (637bc8bbe6c0) to 5.6: ANY / STRICT with the cached owner's address; the STRICT address
     * test lets either side be a wildcard.
     */
    STRICT_EITHER_WILDCARD,
    /**
     * 5.7+ (88d7fcfa3b1f, also in 5.4.y): only the cached side may be a wildcard, so a wildcard
     * newcomer never rides the fast path over a specific cached address.
     */
    STRICT_CACHED_WILDCARD
}
