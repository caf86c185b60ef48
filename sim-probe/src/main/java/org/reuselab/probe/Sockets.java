package org.reuselab.probe;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.TcpState;

/** Socket queries used by every step: addresses, integer options, TCP_INFO. */
final class Sockets {

    static final int SOL_SOCKET = 1;
    static final int SO_ERROR = 4;
    static final int IPPROTO_IP = 0;
    static final int IPPROTO_TCP = 6;
    static final int IPPROTO_IPV6 = 41;
    static final int TCP_INFO = 11;

    private Sockets() {
    }

    static Optional<Endpoint> local(int fd, String scope) {
        return name(fd, true, scope);
    }

    static Optional<Endpoint> peer(int fd) {
        return name(fd, false, "");
    }

    private static Optional<Endpoint> name(int fd, boolean local, String scope) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment addr = a.allocate(SockAddr.STORAGE_LEN);
            MemorySegment len = a.allocate(ValueLayout.JAVA_INT);
            len.set(ValueLayout.JAVA_INT, 0, SockAddr.STORAGE_LEN);
            Libc.Sys r = local ? Libc.getsockname(fd, addr, len) : Libc.getpeername(fd, addr, len);
            return r.failed() ? Optional.empty() : Optional.of(SockAddr.decode(addr, scope));
        }
    }

    /** getsockopt of an int option: the value, or the errno as a failed {@link Libc.Sys}. */
    static Libc.Sys getInt(int fd, int level, int opt) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(ValueLayout.JAVA_INT);
            MemorySegment len = a.allocate(ValueLayout.JAVA_INT);
            len.set(ValueLayout.JAVA_INT, 0, 4);
            Libc.Sys r = Libc.getsockopt(fd, level, opt, v, len);
            return r.failed() ? r : new Libc.Sys(v.get(ValueLayout.JAVA_INT, 0), 0);
        }
    }

    static Libc.Sys setInt(int fd, int level, int opt, int value) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(ValueLayout.JAVA_INT);
            v.set(ValueLayout.JAVA_INT, 0, value);
            return Libc.setsockopt(fd, level, opt, v, 4);
        }
    }

    /** What TCP_INFO says; for a listener {@code unacked} is the accept queue length and {@code sacked} the backlog. */
    record TcpInfo(TcpState state, int unacked, int sacked) {
    }

    static TcpInfo tcpInfo(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(256);
            MemorySegment len = a.allocate(ValueLayout.JAVA_INT);
            len.set(ValueLayout.JAVA_INT, 0, 256);
            Libc.Sys r = Libc.getsockopt(fd, IPPROTO_TCP, TCP_INFO, v, len);
            if (r.failed()) {
                throw new ProbeException("getsockopt(TCP_INFO) failed: " + Errnos.name(r.errno()));
            }
            return new TcpInfo(state(v.get(ValueLayout.JAVA_BYTE, 0)), v.get(ValueLayout.JAVA_INT, 24),
                    v.get(ValueLayout.JAVA_INT, 28));
        }
    }

    /** The kernel's TCP_* state numbers (include/net/tcp_states.h). */
    static TcpState state(int number) {
        return switch (number) {
            case 1 -> TcpState.ESTABLISHED;
            case 2 -> TcpState.SYN_SENT;
            case 3 -> TcpState.SYN_RECV;
            case 4 -> TcpState.FIN_WAIT1;
            case 5 -> TcpState.FIN_WAIT2;
            case 6 -> TcpState.TIME_WAIT;
            case 7 -> TcpState.CLOSE;
            case 8 -> TcpState.CLOSE_WAIT;
            case 9 -> TcpState.LAST_ACK;
            case 10 -> TcpState.LISTEN;
            case 11 -> TcpState.CLOSING;
            case 12 -> TcpState.NEW_SYN_RECV;
            default -> throw new ProbeException("unknown TCP state " + number);
        };
    }
}
