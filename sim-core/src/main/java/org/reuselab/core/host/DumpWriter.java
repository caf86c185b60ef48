package org.reuselab.core.host;

import java.util.ArrayList;
import java.util.List;
import org.reuselab.core.model.bind.AddrBucket;
import org.reuselab.core.model.bind.PortBucket;
import org.reuselab.core.model.listen.ReuseportGroup;
import org.reuselab.core.model.sock.BindOwner;
import org.reuselab.core.model.sock.EhashEntry;
import org.reuselab.core.model.sock.RequestSock;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.model.sock.TimeWaitSock;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.net.TcpState;

/**
 * The {@code dump} step: sockets like {@code ss -tan} (listeners show their accept queue length
 * and backlog), then the model's tables: bind buckets with their flags, listener chains and
 * reuseport groups in array order, requests, and TIME_WAIT records.
 */
final class DumpWriter {

    private static final String ROW = "%-11s %6d %6d %-28s %-28s %s";

    private final Netns ns;

    DumpWriter(Netns ns) {
        this.ns = ns;
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format("%-11s %6s %6s %-28s %-28s %s", "State", "Recv-Q", "Send-Q", "Local", "Peer", "name"));
        for (SimSocket s : ns.sockets.all()) {
            if (!ns.ehash.find(s.localEnd(), s.peer().orElse(null) == null ? s.localEnd() : s.peer().get())
                    .map(e -> e == s).orElse(false)) {
                out.add(socketRow(s));
            }
        }
        for (EhashEntry e : ns.ehash.all()) {
            out.add(connectionRow(e));
        }
        bindBuckets(out);
        listeners(out);
        return out;
    }

    private String socketRow(SimSocket s) {
        boolean listening = s.state() == TcpState.LISTEN;
        long recvQ = listening ? s.listenQueue().acceptQueue().size() : s.unreadBytes();
        long sendQ = listening ? s.backlog() : 0;
        String peer = s.peerName().map(Object::toString).orElse(s.family() == Family.IPV4 ? "0.0.0.0:*" : "[::]:*");
        return String.format(ROW, s.state().ssName(), recvQ, sendQ, s.local(), peer, s.name());
    }

    private static String connectionRow(EhashEntry e) {
        return switch (e) {
            case SimSocket s -> String.format(ROW, s.state().ssName(), s.unreadBytes(), 0, s.local(),
                    s.peerName().map(Object::toString).orElse("*"), s.name()
                            + s.parentListener().map(l -> " (queued on " + l.name() + ")").orElse(""));
            case RequestSock r -> String.format(ROW, "SYN-RECV", 0, 0, r.localEnd(), r.remoteEnd(),
                    "request on " + r.listener().name() + " (timeouts " + r.numTimeout() + (r.acked() ? ", acked" : "")
                            + ")");
            case TimeWaitSock tw -> String.format(ROW, tw.finWait2() ? "FIN-WAIT-2" : "TIME-WAIT", 0, 0,
                    tw.localEnd(), tw.remoteEnd(),
                    tw.name() + " (until " + tw.expiresAtMs() + " ms)");
        };
    }

    private void bindBuckets(List<String> out) {
        for (PortBucket tb : ns.binds.buckets()) {
            out.add("bind port " + tb.port() + ": " + tb.flags());
            for (AddrBucket b : tb.addrBuckets()) {
                String owners = String.join(", ", b.owners().stream().map(DumpWriter::ownerName).toList());
                String flags = ns.profile.releaseRecomputesConnectOnly() ? "  [" + b.flags() + "]" : "";
                out.add("  addr " + show(b.key()) + ": " + owners + flags);
            }
        }
    }

    private void listeners(List<String> out) {
        for (int port : ns.listening.ports()) {
            out.add("listen port " + port + ": " + String.join(", ", ns.listening.chain(port).stream()
                    .map(SimSocket::name).toList()) + " (lookup order)");
            for (ReuseportGroup g : ns.listening.groups(port)) {
                out.add("  " + g);
            }
        }
        for (SimSocket s : ns.sockets.all()) {
            if (s.listenQueue() != null && !s.listenQueue().requests().isEmpty() && s.state() != TcpState.LISTEN) {
                out.add("closed listener " + s.name() + " still has " + s.listenQueue().requests().size()
                        + " request(s)");
            }
        }
    }

    private static String show(IpAddr key) {
        return key.isV4Mapped() ? key.toV4().toString() : key.toString();
    }

    private static String ownerName(BindOwner o) {
        return switch (o) {
            case SimSocket s -> s.name() + " " + s.state().name();
            case TimeWaitSock tw -> tw.name() + " TIME_WAIT";
        };
    }
}
