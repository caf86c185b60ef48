package org.reuselab.core.host;

import java.util.ArrayList;
import java.util.List;
import org.reuselab.core.model.bind.AddrBucket;
import org.reuselab.core.model.bind.PortBucket;
import org.reuselab.core.model.sock.BindOwner;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.model.sock.TimeWaitSock;
import org.reuselab.core.net.IpAddr;

/** The {@code dump} step: sockets like {@code ss -tan}, then the bind buckets with their flags. */
final class DumpWriter {

    private final Netns ns;

    DumpWriter(Netns ns) {
        this.ns = ns;
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format("%-11s %6s %6s %-26s %-26s %s", "State", "Recv-Q", "Send-Q", "Local", "Peer", "name"));
        for (SimSocket s : ns.sockets.all()) {
            String peer = s.peer().map(Object::toString).orElse(wildcardPeer(s));
            long recvQ = 0;
            long sendQ = s.state() == org.reuselab.core.net.TcpState.LISTEN ? s.backlog() : 0;
            out.add(String.format("%-11s %6d %6d %-26s %-26s %s", s.state().ssName(), recvQ, sendQ, s.local(), peer,
                    s.name()));
        }
        for (PortBucket tb : ns.binds.buckets()) {
            out.add("bind port " + tb.port() + ": " + tb.flags());
            for (AddrBucket b : tb.addrBuckets()) {
                out.add("  addr " + show(b.key()) + ": " + String.join(", ", b.owners().stream().map(DumpWriter::ownerName)
                        .toList()) + (ns.profile.releaseRecomputesConnectOnly() ? "  [" + b.flags() + "]" : ""));
            }
        }
        return out;
    }

    private static String wildcardPeer(SimSocket s) {
        return s.family() == org.reuselab.core.net.Family.IPV4 ? "0.0.0.0:*" : "[::]:*";
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
