package org.reuselab.core.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.kernel.SysctlKey;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.hash.FlowPicker;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.trace.Event;

/**
 * A listener stops listening (close(), or shutdown() with SHUT_RD): tcp_set_state(TCP_CLOSE)
 * unhashes it first, so migration never picks it, then inet_csk_listen_stop() migrates or resets
 * every child of its accept queue. Requests are left alone; they migrate or die later.
 *
 * <p>inet_csk_listen_stop() (6.12) takes the children from the head of the queue, one at a
 * time, and inet_csk_reqsk_queue_add() appends each to the tail of its target's queue without
 * looking at that queue's backlog: a target's queue keeps its own children first, then each
 * stopped listener's children in their old order. A child moved to a member that stops later
 * moves again, with the same hash.
 */
final class ListenerStop {

    private final Netns ns;
    private final Connections conns;
    private final Server server;

    ListenerStop(Netns ns, Connections conns, Server server) {
        this.ns = ns;
        this.conns = conns;
        this.server = server;
    }

    void stop(SimSocket l) {
        // Decided now (reuseport_stop_listen_sock()): later changes of the sysctl do not matter.
        boolean migrate = ns.profile.listenerMigration() && ns.sysctls.getInt(SysctlKey.TCP_MIGRATE_REQ) != 0;
        ns.listening.unhash(l, migrate);
        l.setState(TcpState.CLOSE);
        if (!ns.profile.requestsInEhash()) {
            // Before 4.4 the SYN table goes with the listener, silently (reqsk_queue_destroy()).
            l.listenQueue().requests().clear();
        }
        List<SimSocket> children = new ArrayList<>(l.listenQueue().acceptQueue());
        l.listenQueue().acceptQueue().clear();
        for (SimSocket child : children) {
            Optional<SimSocket> target = migrate
                    ? ns.selector.migrationTarget(l, child.localEnd(), child.peer().orElseThrow(),
                            FlowPicker.Purpose.MIGRATE_CHILD) : Optional.empty();
            if (target.isPresent()) {
                moveChild(l, child, target.get());
            } else {
                resetChild(l, child);
            }
        }
    }

    private void moveChild(SimSocket from, SimSocket child, SimSocket to) {
        child.setParentListener(to);
        child.markMigrated();
        to.listenQueue().acceptQueue().addLast(child);
        ns.log.event(new Event.ListenerChange(child.peer().orElseThrow(), from.name(), to.name(),
                Rule.MIGRATED_AT_CLOSE));
        ns.log.queued(child.localEnd(), child.peer().orElseThrow(), to.name());
        server.serveIfServing(to);
    }

    /** inet_child_forget(): tcp_disconnect() sends a RST, the child is destroyed and its port released. */
    private void resetChild(SimSocket from, SimSocket child) {
        ns.log.event(new Event.ListenerChange(child.peer().orElseThrow(), from.name(), "",
                Rule.CHILD_RESET_LISTENER_CLOSED));
        conns.abort(child, Rule.CHILD_RESET_LISTENER_CLOSED);
        conns.destroy(child);
    }
}
