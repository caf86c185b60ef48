package org.reuselab.core.model.bind;

import java.util.OptionalInt;
import org.reuselab.core.model.sock.BindOwner;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.model.sock.TimeWaitSock;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.net.TcpState;

/**
 * Everything the conflict rules read of an owner. Owners of one address bucket with equal classes
 * are interchangeable for every newcomer, so the walk tests one owner per class; the kernel still
 * walks them all, and the cost it reports says so.
 */
record OwnerClass(Family family, IpAddr addr, int skReuse, boolean reusePort, Kind kind, OptionalInt uid,
        boolean hasFile, String device, boolean ipv6only, boolean connectBind) {

    /** The owner states the rules tell apart. */
    enum Kind { LISTEN, TIME_WAIT, OTHER }

    static OwnerClass of(BindOwner o) {
        Kind kind = o.state() == TcpState.LISTEN ? Kind.LISTEN
                : o.state() == TcpState.TIME_WAIT ? Kind.TIME_WAIT : Kind.OTHER;
        return switch (o) {
            case SimSocket s -> new OwnerClass(s.family(), s.rcvSaddr(), s.skReuse() == 0 ? 0 : 1, s.reusePort(), kind,
                    OptionalInt.of(s.uid()), s.hasFile(), s.boundDevice(), s.ipv6only(), s.connectBind());
            case TimeWaitSock tw -> new OwnerClass(tw.family(), tw.rcvSaddr(), tw.skReuse() == 0 ? 0 : 1,
                    tw.reusePort(), kind, OptionalInt.empty(), false, tw.boundDevice(), tw.ipv6only(), tw.connectBind());
        };
    }
}
