package org.reuselab.core.scenario;

import java.util.Optional;

/**
 * Socket options a scenario may set. The first nine are format v1; the rest are reuselab
 * extensions documented in docs/scenario-format.md.
 */
public enum SockOpt {
    SO_REUSEADDR(Kind.FLAG),
    SO_REUSEPORT(Kind.FLAG),
    IPV6_V6ONLY(Kind.FLAG),
    IP_FREEBIND(Kind.FLAG),
    IP_BIND_ADDRESS_NO_PORT(Kind.FLAG),
    SO_BINDTODEVICE(Kind.DEVICE),
    IP_LOCAL_PORT_RANGE(Kind.RANGE),
    SO_ATTACH_REUSEPORT_CBPF(Kind.PROGRAM),
    SO_DETACH_REUSEPORT_BPF(Kind.ZERO),
    /** Extension: IPv6's own freebind flag (4.15+ as a v6 option). */
    IPV6_FREEBIND(Kind.FLAG),
    /** Extension: IP_TRANSPARENT, which also allows a non-local bind. */
    IP_TRANSPARENT(Kind.FLAG),
    /** Extension: TCP_REPAIR, which sets sk_reuse to SK_FORCE_REUSE. */
    TCP_REPAIR(Kind.FLAG);

    /** The shape of the option's value in a scenario file. */
    public enum Kind { FLAG, DEVICE, RANGE, PROGRAM, ZERO }

    private final Kind kind;

    SockOpt(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<SockOpt> byName(String name) {
        for (SockOpt o : values()) {
            if (o.name().equals(name)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
