package org.reuselab.core.model;

/**
 * The one door for every value the kernel draws at random. The simulator uses a seeded
 * {@link SeededChooser}; a comparison with a real kernel feeds the values the kernel drew.
 */
public interface Chooser {

    /** What a draw is for; each has its own stream so that adding draws of one kind never shifts another. */
    enum Draw {
        /** inet_csk_find_open_port(): the start offset of the bind(0) search. */
        BIND_PORT_OFFSET,
        /** __inet_hash_connect(): secure_ipv4_port_ephemeral() per destination. */
        CONNECT_PORT_OFFSET,
        /** __inet_hash_connect(): the random increment of table_perturb. */
        CONNECT_PERTURB_STEP,
        /** inet_ehash_secret: drawn once per boot. */
        EHASH_SECRET,
        /** net_hash_mix(): drawn once per network namespace. */
        NET_HASH_MIX,
        /** Initial sequence numbers. */
        ISN
    }

    /** A value drawn uniformly from {@code [0, bound)}; {@code bound} is at least 1. */
    int uniform(Draw draw, int bound);

    /** 32 random bits. */
    int bits32(Draw draw);

    /**
     * The start of a bind(0) search: an offset in {@code [0, span)} from {@code low}. The simulator
     * draws it uniformly; a comparison derives it from the port the real kernel took.
     */
    default int searchOffset(Draw draw, int low, int span) {
        return uniform(draw, span);
    }

    /**
     * The start of a connect() search as an offset from {@code low}, as computed from the
     * per-destination state; a comparison may replace it with the one that leads to the port the
     * real kernel took.
     */
    default int connectOffset(int low, int span, int computed) {
        return computed;
    }

    /** A port search (bind(0), listen() autobind or connect()) ended on {@code port}. */
    default void tookPort(int port) {
    }
}
