package org.reuselab.core.kernel;

/** How bind(port 0) and listen() on an unbound socket pick a port. */
public enum BindZeroSearch {
    /**
     * 3.10 {@code inet_csk_get_port()}: a random start in the inclusive range, then every port in
     * turn (step 1, any parity); the first port whose owners do not conflict under relax=0 wins.
     */
    SEQUENTIAL,
    /**
     * 4.4 {@code inet_csk_get_port()}: as {@link #SEQUENTIAL}, but an SO_REUSEADDR socket scans the
     * lower half {@code [lo, lo+(hi-lo)/2]} first, then the upper half {@code [half, hi]}.
     */
    SEQUENTIAL_HALVES,
    /**
     * 4.6+ (ea8add2b1903; inet_csk_find_open_port() since 4.13): odd offsets first, step 2, then
     * even; an SO_REUSEADDR socket scans the lower half of the range first.
     */
    ODD_FIRST
}
