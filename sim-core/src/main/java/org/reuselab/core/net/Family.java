package org.reuselab.core.net;

/** The address family of a socket: AF_INET or AF_INET6. */
public enum Family {
    IPV4("ipv4"),
    IPV6("ipv6");

    private final String jsonName;

    Family(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The spelling used in scenario files ({@code "ipv4"}, {@code "ipv6"}). */
    public String jsonName() {
        return jsonName;
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
