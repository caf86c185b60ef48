package org.reuselab.probe;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.scenario.OptionSetting;
import org.reuselab.core.scenario.SockOpt;
import org.reuselab.core.scenario.Step;
import org.reuselab.core.trace.Outcome;

/** socket(), setsockopt(), getsockopt(), bind(), listen(), close(), shutdown(), fchown() and info on the real kernel. */
final class LocalCalls {

    private static final long SIOCGIFINDEX = 0x8933L;
    /** An interface index no namespace of a run has, for a scope naming a device that does not exist. */
    private static final int NO_SUCH_INDEX = 0x7fff_fff0;

    private final SocketTable table;

    LocalCalls(SocketTable table) {
        this.table = table;
    }

    static Outcome failed(Libc.Sys r) {
        return new Outcome.Failed(Errnos.of(r.errno()));
    }

    /** socket() as the step's uid, then each option in order; the socket stays even if an option fails. */
    Outcome socket(String name, Family family, int uid, Iterable<OptionSetting> opts) {
        ProbeSocket s = create(name, family, uid);
        if (s == null) {
            throw new ProbeException("socket() failed for " + name);
        }
        for (OptionSetting o : opts) {
            Outcome r = setsockopt(s, o);
            if (r instanceof Outcome.Failed) {
                return r;
            }
        }
        return Outcome.ok();
    }

    /** A new non-blocking socket (accept() must not block; connect() waits with poll()). */
    ProbeSocket create(String name, Family family, int uid) {
        int domain = family == Family.IPV4 ? Libc.AF_INET : Libc.AF_INET6;
        Libc.Sys r = Creds.as(uid, () -> Libc.socket(domain, Libc.SOCK_STREAM | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC,
                0));
        if (r.failed()) {
            throw new ProbeException("socket(" + family + ") failed: " + Errnos.name(r.errno()));
        }
        ProbeSocket s = new ProbeSocket(name, r.fd(), family, uid);
        table.add(s);
        return s;
    }

    Outcome setsockopt(ProbeSocket s, OptionSetting o) {
        Libc.Sys r = Creds.as(s.uid, () -> Options.set(s.fd, o));
        return r.failed() ? failed(r) : Outcome.ok();
    }

    Outcome getsockopt(ProbeSocket s, SockOpt opt) {
        Optional<Libc.Sys> r = Options.get(s.fd, opt);
        if (r.isEmpty()) {
            return new Outcome.NotModelled("getsockopt " + opt);
        }
        return r.get().failed() ? failed(r.get()) : new Outcome.Value(r.get().value());
    }

    Outcome bind(ProbeSocket s, Endpoint ep, Step.RawSockaddr raw) {
        int family = switch (raw.family()) {
            case UNSPEC -> 0;
            case INET -> Libc.AF_INET;
            case INET6 -> Libc.AF_INET6;
        };
        int scopeId = ep.scope().isEmpty() ? 0 : scopeId(s.fd, ep.scope());
        Libc.Sys r;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment addr = SockAddr.encode(a, ep, family, raw.length(), scopeId);
            r = Creds.as(s.uid, () -> Libc.bind(s.fd, addr, raw.length()));
        }
        if (r.failed()) {
            return failed(r);
        }
        s.scope = ep.scope();
        return new Outcome.Ok(Sockets.local(s.fd, s.scope));
    }

    /** A numeric scope is the index itself; a name is looked up in the namespace (SIOCGIFINDEX). */
    private static int scopeId(int fd, String scope) {
        if (scope.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(scope);
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ifr = a.allocate(40);
            byte[] name = scope.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            MemorySegment.copy(name, 0, ifr, ValueLayout.JAVA_BYTE, 0, Math.min(name.length, 15));
            Libc.Sys r = Libc.ioctl(fd, SIOCGIFINDEX, ifr);
            return r.failed() ? NO_SUCH_INDEX : ifr.get(ValueLayout.JAVA_INT, 16);
        }
    }

    Outcome listen(ProbeSocket s, int backlog) {
        Libc.Sys r = Creds.as(s.uid, () -> Libc.listen(s.fd, backlog));
        return r.failed() ? failed(r) : new Outcome.Ok(Sockets.local(s.fd, s.scope));
    }

    Outcome close(ProbeSocket s) {
        table.close(s);
        return Outcome.ok();
    }

    Outcome shutdown(ProbeSocket s, Step.How how) {
        int h = switch (how) {
            case RD -> 0;
            case WR -> 1;
            case RDWR -> 2;
        };
        Libc.Sys r = Libc.shutdown(s.fd, h);
        return r.failed() ? failed(r) : Outcome.ok();
    }

    /** fchown(): the socket's uid (sk_uid) changes; later calls on it run as that uid. */
    Outcome fchown(ProbeSocket s, int uid) {
        Libc.Sys r = Libc.fchown(s.fd, uid, -1);
        if (r.failed()) {
            return failed(r);
        }
        s.uid = uid;
        return Outcome.ok();
    }

    Outcome info(ProbeSocket s) {
        TcpState state = Sockets.tcpInfo(s.fd).state();
        Endpoint local = Sockets.local(s.fd, s.scope).orElseThrow(() -> new ProbeException("getsockname failed"));
        return new Outcome.Info(state, local, Sockets.peer(s.fd));
    }
}
