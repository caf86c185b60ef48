package org.reuselab.core.kernel;

/** When the SYN queue (request sockets of a listener) counts as full. */
public enum SynQueueLimit {
    /** 3.x: {@code qlen >= 2^max_qlen_log}, a power of two from min(backlog, tcp_max_syn_backlog). */
    MAX_QLEN_LOG,
    /** 4.4 (ef547f2ac16b) to 6.12: {@code qlen >= backlog}. */
    BACKLOG_GE,
    /** 6.13 (3479c7549fb1, also in stable lines): {@code qlen > backlog}, so backlog 0 still takes one. */
    BACKLOG_GT
}
