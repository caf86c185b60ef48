package org.reuselab.core.model;

/**
 * The kernel rules that decide outcomes. Every step's outcome names one; {@code --explain} prints
 * its text and the kernel function it comes from.
 */
public enum Rule {
    // --- bind(): explicit port -------------------------------------------------------------
    PORT_FREE("no socket owns the port: a new bind bucket is made", "inet_csk_get_port()"),
    NO_OTHER_OWNER("the socket is the port's only owner", "inet_csk_get_port()"),
    NO_OVERLAP("the port's owners are on addresses or devices that cannot meet this socket's",
            "inet_csk_bind_conflict()"),
    FORCE_REUSE("TCP_REPAIR sets SK_FORCE_REUSE, which skips the conflict check", "inet_csk_get_port()"),
    FAST_PATH_REUSEADDR("fast path: every owner had SO_REUSEADDR and none listened (tb->fastreuse)",
            "inet_csk_get_port()"),
    FAST_PATH_REUSEPORT("fast path: the bucket's SO_REUSEPORT cache admits this uid and address (tb->fastreuseport)",
            "sk_reuseport_match()"),
    SHARED_REUSEADDR("both have SO_REUSEADDR and the owner is not listening", "inet_bind_conflict()"),
    SHARED_REUSEPORT("both have SO_REUSEPORT and the same uid", "inet_bind_conflict()"),
    SHARED_REUSEPORT_TIME_WAIT("both have SO_REUSEPORT and the owner is TIME_WAIT, which has no uid",
            "inet_bind_conflict()"),
    CONFLICT_NO_REUSE("the owner and this socket do not both have SO_REUSEADDR or SO_REUSEPORT",
            "inet_bind_conflict()"),
    CONFLICT_LISTENER("SO_REUSEADDR never shares with a listening owner", "inet_bind_conflict()"),
    CONFLICT_REUSEPORT_UID("SO_REUSEPORT shares only between sockets of the same uid",
            "inet_bind_conflict()"),
    CONFLICT_REUSEPORT_GROUP("this socket already has a reuseport group (a BPF program attached before bind), "
            + "so SO_REUSEPORT cannot share", "inet_bind_conflict() reuseport_cb_ok"),
    CONFLICT_AUTOBIND_STRICT("port auto-selection takes no port an overlapping owner holds (relax=0)",
            "inet_csk_find_open_port()"),
    CONFLICT_AUTOBIND_NO_REUSEPORT("port auto-selection ignores SO_REUSEPORT (reuseport_ok=0): "
            + "sockets with SO_REUSEADDR+SO_REUSEPORT of one uid never share an auto-selected port",
            "inet_csk_find_open_port()"),

    // --- bind(): errors before the port check ----------------------------------------------
    EINVAL_SHORT_SOCKADDR("the address length is shorter than the family's sockaddr", "inet_bind_sk() / inet6_bind_sk()"),
    EAFNOSUPPORT_FAMILY("the sockaddr's family is not the socket's", "__inet_bind() / __inet6_bind()"),
    EINVAL_V6_MULTICAST("a TCP socket cannot bind an IPv6 multicast address", "__inet6_bind()"),
    EINVAL_V6ONLY_MAPPED("a V6ONLY socket cannot bind a v4-mapped address", "__inet6_bind()"),
    EINVAL_NEEDS_SCOPE("a link-local address needs a scope id or a bound device", "__inet6_bind()"),
    ENODEV_NO_SUCH_DEVICE("the scope or bound device does not exist", "__inet6_bind()"),
    EADDRNOTAVAIL_NONLOCAL("the address is not local and neither IP_FREEBIND, IP_TRANSPARENT nor "
            + "ip_nonlocal_bind allows it", "inet_addr_valid_or_nonlocal()"),
    EACCES_PRIVILEGED_PORT("ports below ip_unprivileged_port_start need CAP_NET_BIND_SERVICE (uid 0 here)",
            "inet_port_requires_bind_service()"),
    EINVAL_ALREADY_BOUND("the socket already has a port or is not in CLOSE state", "__inet_bind()"),

    // --- bind(0) / listen() autobind -------------------------------------------------------
    EPHEMERAL_CHOSEN("the first port of the search that no overlapping owner holds", "inet_csk_find_open_port()"),
    EPHEMERAL_SHARED_AUTOBIND_REUSE("ip_autobind_reuse second pass: shared with SO_REUSEADDR owners that are "
            + "not listening", "inet_csk_find_open_port()"),
    EPHEMERAL_EXHAUSTED("every port of the range is reserved or held by an overlapping owner",
            "inet_csk_find_open_port()"),
    ADDRESS_ONLY("IP_BIND_ADDRESS_NO_PORT: the address is recorded, the port is chosen at connect()",
            "__inet_bind()"),

    // --- listen() ------------------------------------------------------------------------
    LISTEN_STARTED("listen(): state LISTEN, port re-checked against every other owner", "inet_csk_listen_start()"),
    LISTEN_BACKLOG_UPDATED("already listening: listen() only updates the backlog", "__inet_listen_sk()"),
    EINVAL_LISTEN_STATE("listen() needs an unconnected socket in CLOSE or LISTEN state", "__inet_listen_sk()"),
    LISTEN_RECHECK_FAILED("listen()'s port re-check failed: the socket returns to CLOSE and stays bound",
            "inet_csk_listen_start()"),

    // --- other calls ---------------------------------------------------------------------
    SOCKET_CREATED("socket(): a new TCP socket in CLOSE state", "inet_create() / inet6_create()"),
    OPTION_SET("the option is set on the socket", "sk_setsockopt() / do_ip_setsockopt()"),
    OPTION_READ("the option's current value", "sk_getsockopt() / do_ipv6_getsockopt()"),
    ENOPROTOOPT_OPTION("this kernel does not know the option", "do_ip_setsockopt()"),
    EINVAL_OPTION_VALUE("the option's value is invalid for this socket", "do_ip_setsockopt()"),
    EINVAL_V6ONLY_BOUND("IPV6_V6ONLY cannot change once the socket is bound", "do_ipv6_setsockopt()"),
    ENODEV_DEVICE("SO_BINDTODEVICE names no interface", "sock_bindtoindex()"),
    UID_CHANGED("fchown() on the socket changes its owner uid (sk_uid)", "sockfs_setattr()"),
    CLOSED_PORT_RELEASED("close(): the socket is destroyed and its port released", "inet_put_port()"),
    CLOSED_UNBOUND("close(): the socket had no port", "tcp_close()"),
    SHUTDOWN_LISTENER("shutdown() of a listener: back to CLOSE, stays bound because the port was explicit",
            "inet_shutdown() / tcp_disconnect()"),
    SHUTDOWN_LISTENER_RELEASED("shutdown() of an autobound listener: back to CLOSE and the port is released",
            "inet_shutdown() / tcp_disconnect()"),
    SHUTDOWN_WR_LISTENER("shutdown(SHUT_WR) of a listener does nothing", "inet_shutdown()"),
    ENOTCONN_SHUTDOWN("shutdown() of a socket that is neither connected nor listening", "inet_shutdown()"),
    SYSCTL_SET("the sysctl is set in the scenario's network namespace", "proc_dointvec() and friends"),
    EINVAL_SYSCTL("the kernel rejects this value for the sysctl", "ipv4_local_port_range() / proc handlers"),
    INFO("the socket's state and addresses", "getsockname() / tcp_get_info()"),
    DUMP("the host's tables", "ss -tan"),
    UNKNOWN_SOCKET("no open socket has this name", "(scenario runner)"),
    NOT_MODELLED("this op is not modelled yet", "(reuselab)");

    private final String text;
    private final String kernelSource;

    Rule(String text, String kernelSource) {
        this.text = text;
        this.kernelSource = kernelSource;
    }

    public String text() {
        return text;
    }

    public String kernelSource() {
        return kernelSource;
    }
}
