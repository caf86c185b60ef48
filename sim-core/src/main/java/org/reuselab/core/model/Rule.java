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
    LISTEN_BACKLOG_UPDATED("already listening: listen() only updates the backlog", "__inet_listen_sk()"),
    EINVAL_LISTEN_STATE("listen() needs an unconnected socket in CLOSE or LISTEN state", "__inet_listen_sk()"),
    EINVAL_LISTEN_AFTER_CONNECT("this build refuses to listen on a socket that was once in the established hash: the"
            + " port is taken (or checked again), then EINVAL; the socket stays in CLOSE",
            "inet_csk_listen_start() (observed on 6.18.44-fc-v1045, feature disconnectKeepsRole)"),
    EBUSY_REUSEPORT_GROUP("the socket owns a reuseport group with other members and cannot join another",
            "reuseport_add_sock()"),

    // --- listener lookup ----------------------------------------------------------------
    LISTENER_SCORE("the listener with the best score for this address, device and family",
            "__inet_lookup_listener() / compute_score()"),
    REUSEPORT_HASH("reuseport group: member (hash * n) >> 32 of the flow hash", "reuseport_select_sock_by_hash()"),
    REUSEPORT_BPF("reuseport group: the attached BPF program chose the member", "run_bpf_filter()"),
    REUSEPORT_BPF_OUT_OF_RANGE("reuseport group: the BPF index was out of range, so the hash chose",
            "reuseport_select_sock()"),
    REUSEPORT_RESERVOIR("before reuseport groups: reservoir sampling over equal-score SO_REUSEPORT listeners",
            "__inet_lookup_listener() (3.9-4.5)"),
    NO_LISTENER("no socket matches: the kernel answers with a RST", "tcp_v4_send_reset()"),

    // --- SYN, request sockets, final ACK ---------------------------------------------------
    SYN_ACK_SENT("SYN taken: a request is stored on the listener and a SYN-ACK sent", "tcp_conn_request()"),
    SYN_COOKIE_SENT("SYN queue full (or tcp_syncookies=2): answered with a SYN cookie, nothing stored",
            "tcp_conn_request() / cookie_init_sequence()"),
    SYN_DROPPED_SYNQ_FULL("SYN queue full and tcp_syncookies=0: the SYN is dropped", "tcp_conn_request()"),
    SYN_DROPPED_ACCEPTQ_FULL("accept queue full: the SYN is dropped (ListenOverflows)", "tcp_conn_request()"),
    SYN_DROPPED_BACKLOG_QUARTER("tcp_syncookies=0 and less than a quarter of tcp_max_syn_backlog left: the SYN is "
            + "dropped", "tcp_conn_request()"),
    SYN_ACK_RESENT("a SYN for a pending request: the SYN-ACK is sent again", "tcp_check_req()"),
    CHILD_QUEUED("final ACK: the child is created and queued on the request's listener",
            "tcp_check_req() / inet_csk_complete_hashdance()"),
    ACK_DROPPED_ACCEPTQ_FULL("accept queue full at the final ACK: the ACK is dropped and the request kept "
            + "(tcp_abort_on_overflow=0); a retransmission may complete it", "tcp_check_req() listen_overflow"),
    RST_ACCEPTQ_FULL_ABORT("accept queue full at the final ACK and tcp_abort_on_overflow=1: RST, request dropped",
            "tcp_check_req() listen_overflow"),
    REQUEST_LISTENER_CLOSED("the request's listener has closed and the request cannot migrate: it is dropped and "
            + "the segment looked up again", "tcp_v4_rcv() TCP_NEW_SYN_RECV"),
    ACK_TO_LISTENER("an ACK that matches no connection or request reaches a listener: RST",
            "tcp_rcv_state_process() TCP_LISTEN"),
    REQUEST_NOT_IN_SYN_TABLE("before 4.4 the final ACK is looked up again; the listener it reaches has no such "
            + "request: RST", "tcp_v4_hnd_req()"),
    COOKIE_ACCEPTED("a valid SYN cookie ACK after a recent SYN queue overflow: the child is created",
            "cookie_v4_check()"),
    SYN_ACK_RETRANSMIT("the request's SYN-ACK timer fired: SYN-ACK sent again", "reqsk_timer_handler()"),
    REQUEST_EXPIRED("the request used up its SYN-ACK retransmissions (tcp_synack_retries): dropped",
            "reqsk_timer_handler()"),
    REQUEST_DROPPED_BY_TIMER("the request's listener has closed and the request cannot migrate: the SYN-ACK timer "
            + "drops it", "reqsk_timer_handler()"),
    MIGRATED_AT_CLOSE("tcp_migrate_req: the closing listener's queued child moves to the member the flow hash picks",
            "inet_csk_listen_stop() / reuseport_migrate_sock()"),
    MIGRATED_AT_TIMER("tcp_migrate_req: the SYN-ACK timer moves the request to another member",
            "reqsk_timer_handler() / reuseport_migrate_sock()"),
    MIGRATED_AT_ACK("tcp_migrate_req: the final ACK moves the request to another member",
            "tcp_v4_rcv() / reuseport_migrate_sock()"),
    RST_UNREAD_DATA("close() with unread data: the connection is reset instead of closed with a FIN",
            "tcp_close()"),
    RST_DATA_AFTER_SHUTDOWN("data reached a connection that sent its FIN and no longer receives (shutdown(SHUT_RD), "
            + "close(), or inherited from the listener): it is reset (RFC 1122)", "tcp_rcv_state_process()"),
    CHILD_RESET_LISTENER_CLOSED("the listener closed: its queued, unaccepted child is reset (RST to the peer)",
            "inet_csk_listen_stop() / inet_child_forget()"),

    // --- connections ------------------------------------------------------------------------
    CONNECTED("the handshake completed", "tcp_rcv_synsent_state_process()"),
    SIMULTANEOUS_OPEN("both ends sent a SYN (a socket connecting to its own address and port does): SYN-RECV, "
            + "then established", "tcp_rcv_synsent_state_process()"),
    CONNECT_REFUSED("the SYN was answered with a RST", "tcp_reset()"),
    CONNECT_ABORTED("the connection closed before connect() returned, without an error (e.g. a SHUT_WR made "
            + "before a simultaneous open sent its FIN at once)", "__inet_stream_connect()"),
    CONNECT_TIMED_OUT("no answer to the SYN within the step's timeout; the socket keeps retrying in SYN-SENT",
            "tcp_retransmit_timer()"),
    CONNECT_NO_PORT("no local port gives a unique 4-tuple: every usable port is held by bind() or in use",
            "__inet_hash_connect()"),
    CONNECT_TUPLE_IN_USE("the bound port's 4-tuple to this destination is already in use", "__inet_check_established()"),
    CONNECT_NO_ROUTE("no route to the destination", "ip_route_connect()"),
    EISCONN_CONNECT("connect() on a socket that is connected or listening", "__inet_stream_connect()"),
    EINVAL_CONNECT_AFTER_LISTEN("this build refuses to connect a socket that once listened: EINVAL after the route"
            + " lookup, nothing is sent", "tcp_v4_connect() / tcp_v6_connect() (observed on 6.18.44-fc-v1045, feature disconnectKeepsRole)"),
    EALREADY_CONNECT("connect() while the previous attempt is still in progress", "__inet_stream_connect()"),
    ACCEPTED("accept() took the oldest child of the accept queue", "inet_csk_accept()"),
    ACCEPT_EMPTY("the accept queue is empty", "inet_csk_wait_for_connect()"),
    ACCEPT_NOT_LISTENING("accept() on a socket that is not listening (e.g. after shutdown)", "inet_csk_accept()"),
    SERVING("the listener accepts every child as soon as it is queued", "(scenario server loop)"),
    CONNECTION_RESET("the peer sent a RST: the connection is gone", "tcp_reset()"),
    SEGMENT_ANSWERED("the connection answered the segment", "tcp_rcv_established() / tcp_rcv_state_process()"),
    FIN_INHERITED_SHUT_WR("the listener had shutdown(SHUT_WR) recorded: its child inherits it and sends its FIN as "
            + "soon as it is established", "sk_clone_lock() / tcp_rcv_state_process()"),
    TIME_WAIT_ENTERED("active close: the connection stays in TIME_WAIT for 60 s and keeps its port",
            "tcp_time_wait()"),
    TIME_WAIT_ENDED("the TIME_WAIT period ended: the port is released", "inet_twsk_kill()"),
    TIME_WAIT_KILLED("a RST (tcp_rfc1337=0) or a new SYN ends the TIME_WAIT early", "tcp_timewait_state_process()"),
    TIME_WAIT_REUSED("connect() takes over the 4-tuple of a TIME_WAIT (tcp_tw_reuse, at least a second old)",
            "tcp_twsk_unique()"),
    TIME_WAIT_ANSWERED("a TIME_WAIT socket answered the segment", "tcp_timewait_state_process()"),
    WRITE_OK("the data was sent", "tcp_sendmsg()"),
    WRITE_RESET("the connection was reset", "tcp_sendmsg()"),
    SENT("the peer's segment was delivered", "tcp_v4_rcv()"),
    OBSERVED("observed on the real kernel", "(real kernel)"),
    ADVANCED("virtual time passed; the timers due in it fired", "(timer wheel)"),

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
    SHUTDOWN_CONNECTING("shutdown() of a connecting socket drops the attempt (no RST): back to CLOSE, ECONNRESET"
            + " pending", "inet_shutdown() / tcp_disconnect()"),
    SHUTDOWN_WR_LISTENER("shutdown(SHUT_WR) of a listener does nothing", "inet_shutdown()"),
    ENOTCONN_SHUTDOWN("shutdown() of a socket that is neither connected nor listening", "inet_shutdown()"),
    SYSCTL_SET("the sysctl is set in the scenario's network namespace", "proc_dointvec() and friends"),
    SYSCTL_MISSING("this kernel has no such sysctl (it came in a later version)", "(no /proc/sys entry)"),
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
