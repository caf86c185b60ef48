package org.reuselab.core.kernel;

import java.util.Optional;

/**
 * The per-network-namespace sysctls the model reads, with the shape of their value and their
 * default in a fresh namespace of a current kernel (profiles may override defaults).
 */
public enum SysctlKey {
    IP_LOCAL_PORT_RANGE("net.ipv4.ip_local_port_range", Shape.PAIR, "32768 60999"),
    IP_LOCAL_RESERVED_PORTS("net.ipv4.ip_local_reserved_ports", Shape.PORT_LIST, ""),
    IP_UNPRIVILEGED_PORT_START("net.ipv4.ip_unprivileged_port_start", Shape.INT, "1024"),
    IP_AUTOBIND_REUSE("net.ipv4.ip_autobind_reuse", Shape.INT, "0"),
    IP_NONLOCAL_BIND("net.ipv4.ip_nonlocal_bind", Shape.INT, "0"),
    IP6_NONLOCAL_BIND("net.ipv6.ip_nonlocal_bind", Shape.INT, "0"),
    TCP_MIGRATE_REQ("net.ipv4.tcp_migrate_req", Shape.INT, "0"),
    SOMAXCONN("net.core.somaxconn", Shape.INT, "4096"),
    TCP_MAX_SYN_BACKLOG("net.ipv4.tcp_max_syn_backlog", Shape.INT, "2048"),
    TCP_SYNCOOKIES("net.ipv4.tcp_syncookies", Shape.INT, "1"),
    TCP_SYNACK_RETRIES("net.ipv4.tcp_synack_retries", Shape.INT, "5"),
    TCP_SYN_RETRIES("net.ipv4.tcp_syn_retries", Shape.INT, "6"),
    TCP_ABORT_ON_OVERFLOW("net.ipv4.tcp_abort_on_overflow", Shape.INT, "0"),
    TCP_TW_REUSE("net.ipv4.tcp_tw_reuse", Shape.INT, "2"),
    TCP_FIN_TIMEOUT("net.ipv4.tcp_fin_timeout", Shape.INT, "60");

    /** How the value is written. */
    public enum Shape {
        /** One integer. */
        INT,
        /** Two integers separated by white space ({@code "32768 60999"}). */
        PAIR,
        /** A comma-separated list of ports and port ranges ({@code "40021,40030-40032"}), or empty. */
        PORT_LIST
    }

    private final String sysctlName;
    private final Shape shape;
    private final String defaultValue;

    SysctlKey(String sysctlName, Shape shape, String defaultValue) {
        this.sysctlName = sysctlName;
        this.shape = shape;
        this.defaultValue = defaultValue;
    }

    public String sysctlName() {
        return sysctlName;
    }

    public Shape shape() {
        return shape;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public static Optional<SysctlKey> byName(String name) {
        for (SysctlKey k : values()) {
            if (k.sysctlName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
