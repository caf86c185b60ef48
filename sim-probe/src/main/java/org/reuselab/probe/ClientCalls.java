package org.reuselab.probe;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.trace.Outcome;

/** Local clients on the real kernel: connect() (non-blocking, bounded by the step's timeout), accept, serve, write. */
final class ClientCalls {

    /** How long to look for the listener that took a connection after the client saw it established. */
    private static final long SETTLE_MS = 100;
    private static final int SLICE_MS = 5;
    private static final int WRITE_MAX = 1 << 20;
    private static final int EISCONN = 106;

    private final SocketTable table;
    private final Listeners listeners;
    private final LocalCalls local;

    ClientCalls(SocketTable table, Listeners listeners, LocalCalls local) {
        this.table = table;
        this.listeners = listeners;
        this.local = local;
    }

    /** connect without count: the named socket if open, else a new one (family of {@code to}, uid 0). */
    Outcome connect(String name, Endpoint to, int timeoutMs) {
        ProbeSocket s = table.find(name).orElseGet(() -> local.create(name, familyOf(to), 0));
        return connectOne(s, to, timeoutMs).outcome;
    }

    /** connect with count: {@code name1..nameN}, new sockets connected one after another. */
    Outcome connectMany(String name, Endpoint to, int count, int timeoutMs) {
        List<Outcome.Conn> conns = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ProbeSocket s = local.create(name + i, familyOf(to), 0);
            Result r = connectOne(s, to, timeoutMs);
            conns.add(switch (r.outcome) {
                case Outcome.Failed f -> new Outcome.Conn(s.name, f.errno().name(), Optional.empty(), Optional.empty());
                case Outcome.Ok ok -> new Outcome.Conn(s.name, Outcome.Conn.ESTABLISHED, ok.local(), r.listener);
                default -> throw new IllegalStateException("connect gave " + r.outcome);
            });
        }
        return new Outcome.Connections(conns);
    }

    private record Result(Outcome outcome, Optional<String> listener) {
    }

    /**
     * A blocking connect() bounded by the step's timeout, made of non-blocking calls: connect(),
     * poll() until the socket is writable, then connect() again, which reports the handshake's
     * result and leaves the socket as a blocking connect() would (unconnected after a failure).
     */
    private Result connectOne(ProbeSocket s, Endpoint to, int timeoutMs) {
        listeners.serveAll();
        listeners.forget();
        Map<String, Integer> before = listeners.queues();
        Libc.Sys r = connectCall(s, to);
        if (r.failed() && r.errno() != Libc.EINPROGRESS) {
            return new Result(LocalCalls.failed(r), Optional.empty());
        }
        if (r.failed()) {
            if (!waitWritable(s, timeoutMs)) {
                return new Result(new Outcome.Failed(Errno.ETIMEDOUT), Optional.empty());
            }
            Libc.Sys again = connectCall(s, to);
            if (again.failed() && again.errno() != EISCONN) {
                return new Result(LocalCalls.failed(again), Optional.empty());
            }
        }
        Optional<Endpoint> me = Sockets.local(s.fd, "");
        return new Result(new Outcome.Ok(me), me.flatMap(e -> settle(e, before)));
    }

    private static Libc.Sys connectCall(ProbeSocket s, Endpoint to) {
        try (Arena a = Arena.ofConfined()) {
            int len = SockAddr.naturalLength(to.addr());
            MemorySegment addr = SockAddr.encode(a, to, SockAddr.naturalFamily(to.addr()), len, 0);
            return Creds.as(s.uid, () -> Libc.connect(s.fd, addr, len));
        }
    }

    /**
     * Polls the client in short slices, serving listeners in between, until the handshake is over
     * or the timeout. Ready for poll() is not enough: a socket with shutdown(SHUT_RDWR) recorded
     * before connect() reports POLLHUP at once, so, as a blocking connect() does
     * (inet_wait_for_connect()), it waits until the state has left SYN_SENT and SYN_RECV.
     */
    private boolean waitWritable(ProbeSocket s, int timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            if (Poll.any(new int[] {s.fd}, Libc.POLLOUT, (int) Math.min(SLICE_MS, left))) {
                TcpState state = Sockets.tcpInfo(s.fd).state();
                if (state != TcpState.SYN_SENT && state != TcpState.SYN_RECV) {
                    return true;
                }
                sleep(1);
            }
            listeners.serveAll();
        }
    }

    /** Which listener took the connection whose client end is {@code client}; bounded by {@link #SETTLE_MS}. */
    private Optional<String> settle(Endpoint client, Map<String, Integer> before) {
        long deadline = System.nanoTime() + SETTLE_MS * 1_000_000L;
        while (true) {
            listeners.serveAll();
            Optional<String> who = listeners.whoTook(client, before);
            if (who.isPresent() || System.nanoTime() > deadline) {
                return who;
            }
            sleep(1);
        }
    }

    Outcome accept(ProbeSocket l, Optional<String> as) {
        Listeners.Taken t = listeners.acceptOne(l, as);
        return t.ok() ? new Outcome.Accepted(List.of(t.child())) : new Outcome.Failed(Errnos.of(t.errno()));
    }

    Outcome acceptAll(ProbeSocket l) {
        List<Outcome.Child> taken = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            Listeners.Taken t = listeners.acceptOne(l, Optional.empty());
            if (!t.ok()) {
                if (t.errno() != Libc.EAGAIN) {
                    return new Outcome.Failed(Errnos.of(t.errno()));
                }
                break;
            }
            taken.add(t.child());
        }
        return new Outcome.Accepted(taken);
    }

    /** serve: from now on (or no longer) the listener accepts what reaches its queue; EINVAL unless listening. */
    Outcome serve(ProbeSocket l, boolean on, boolean closes) {
        if (Sockets.tcpInfo(l.fd).state() != org.reuselab.core.net.TcpState.LISTEN) {
            return new Outcome.Failed(Errno.EINVAL);
        }
        l.serving = on;
        l.closeServed = closes;
        listeners.serveAll();
        return Outcome.ok();
    }

    /** send() with MSG_NOSIGNAL: a reset connection reports ECONNRESET or EPIPE instead of raising SIGPIPE. */
    Outcome write(ProbeSocket s, int bytes) {
        try (Arena a = Arena.ofConfined()) {
            int n = Math.min(bytes, WRITE_MAX);
            Libc.Sys r = Libc.send(s.fd, a.allocate(Math.max(1, n)), n, Libc.MSG_NOSIGNAL);
            return r.failed() ? LocalCalls.failed(r) : Outcome.ok();
        }
    }

    static Family familyOf(Endpoint to) {
        return to.addr().isV4() ? Family.IPV4 : Family.IPV6;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted", e);
        }
    }
}
