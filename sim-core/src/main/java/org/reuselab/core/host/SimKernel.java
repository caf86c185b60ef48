package org.reuselab.core.host;

/** The simulated kernel's call handlers for one namespace, wired together once. */
final class SimKernel {

    final Netns ns;
    final SocketCalls sockets;
    final BindCall bind;
    final ListenCall listen;
    final CloseCall close;
    final ClientCalls clients;
    final PeerCalls peers;

    SimKernel(Netns ns) {
        this.ns = ns;
        Wire wire = new Wire(ns);
        Connections conns = new Connections(ns, wire);
        Server server = new Server(ns, conns);
        Requests requests = new Requests(ns, wire, conns, server);
        TcpInput input = new TcpInput(ns, wire, conns, requests);
        Clock clock = new Clock(ns, wire, conns, requests, input);
        this.sockets = new SocketCalls(ns);
        this.bind = new BindCall(ns);
        this.listen = new ListenCall(ns, bind);
        this.close = new CloseCall(ns, conns, new ListenerStop(ns, conns, server), input);
        this.clients = new ClientCalls(ns, wire, conns, input, clock, server);
        this.peers = new PeerCalls(ns, input, clock);
    }
}
