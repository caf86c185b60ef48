package org.reuselab.core.trace;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.reuselab.core.model.Rule;

/** For the rules that cost a client its connection: what setting or kernel would have saved it. */
public final class Remedies {

    private static final Map<Rule, String> TEXT = new EnumMap<>(Rule.class);

    static {
        String migrate = "Linux 5.14+ with net.ipv4.tcp_migrate_req=1 moves them to a listener that remains in the "
                + "SO_REUSEPORT group";
        TEXT.put(Rule.CHILD_RESET_LISTENER_CLOSED, migrate + "; on any kernel the old server can accept its queue "
                + "before it closes");
        TEXT.put(Rule.REQUEST_LISTENER_CLOSED, migrate + " (at the final ACK)");
        TEXT.put(Rule.REQUEST_DROPPED_BY_TIMER, migrate + " (by the SYN-ACK timer)");
        TEXT.put(Rule.REQUEST_NOT_IN_SYN_TABLE, "Linux 4.4+ keeps a handshake on the listener chosen at its SYN, so "
                + "adding or removing listeners no longer resets it");
        TEXT.put(Rule.RST_ACCEPTQ_FULL_ABORT, "net.ipv4.tcp_abort_on_overflow=0 (the default) keeps the handshake for "
                + "a retransmission; a larger listen() backlog (and net.core.somaxconn) avoids the overflow");
        TEXT.put(Rule.NO_LISTENER, "a listener must stay on the port: with SO_REUSEPORT the new server listens before "
                + "the old one closes");
        TEXT.put(Rule.ACK_TO_LISTENER, "the handshake's request was gone; see the cause above it in the trace");
        TEXT.put(Rule.REQUEST_EXPIRED, "the client never completed the handshake within tcp_synack_retries");
    }

    private Remedies() {
    }

    public static Optional<String> forRule(Rule rule) {
        return Optional.ofNullable(TEXT.get(rule));
    }
}
