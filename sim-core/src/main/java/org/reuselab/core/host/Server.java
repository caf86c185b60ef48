package org.reuselab.core.host;

import org.reuselab.core.model.Rule;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.trace.Event;

/**
 * The {@code serve} loop of a listener (accept at once, then close when asked, as the seed's
 * serv.py does), and the final release of a closed listener once nothing refers to it.
 */
final class Server {

    private final Netns ns;
    private final Connections conns;

    Server(Netns ns, Connections conns) {
        this.ns = ns;
        this.conns = conns;
    }

    void serveIfServing(SimSocket l) {
        if (l.state() != TcpState.LISTEN || l.listenQueue() == null || !l.listenQueue().serving()) {
            return;
        }
        while (!l.listenQueue().acceptQueue().isEmpty()) {
            SimSocket child = conns.accept(l, java.util.Optional.empty(), 0);
            ns.log.event(new Event.Served(l.name(), child.name(), child.peer().orElseThrow(), Rule.SERVING));
            if (l.listenQueue().serveCloses()) {
                conns.closeConnected(child);
                ns.sockets.closed(child);
            }
        }
    }

    /**
     * A closed listener kept in its group's closed section leaves it for good when its last
     * request is gone (sk_destruct() -> reuseport_detach_sock()).
     */
    void destroyIfDone(SimSocket l) {
        if (l.state() == TcpState.CLOSE && !l.hasFile() && l.listenQueue() != null
                && l.listenQueue().requests().isEmpty()) {
            ns.listening.destroy(l);
        }
    }
}
