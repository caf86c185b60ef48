package org.reuselab.probe;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.IpAddr;

/**
 * The FTP case of the bind fast path, timed on this machine's kernel: N TCP sockets with
 * SO_REUSEADDR bound one after another to the same address and port, in a fresh network
 * namespace. Each window of binds is timed on its own, so one run shows how the time of a bind
 * grows with the number of sockets already bound (the owners a slow-path bind walks).
 */
public final class FtpBindTimer {

    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int RLIMIT_NOFILE = 7;
    private static final long SYS_SETRLIMIT = 160;
    private static final long SYS_GETRLIMIT = 97;
    /** The sockets of a run at most (file descriptors are raised to fit). */
    public static final int MAX_SOCKETS = 200_000;

    /** Binds numbered {@code from+1 .. to} took {@code nanos} together. */
    public record Window(int from, int to, long nanos) {
        public double nanosPerBind() {
            return (double) nanos / (to - from);
        }
    }

    private FtpBindTimer() {
    }

    /**
     * Binds {@code n} sockets to {@code 0.0.0.0:port} and times each window that ends at one of
     * {@code marks} (ascending, at most n): the window is the last tenth of the binds up to the
     * mark, so it measures the cost of a bind when about {@code mark} sockets are bound.
     */
    public static List<Window> run(int n, int port, List<Integer> marks, Duration limit) {
        if (n < 1 || n > MAX_SOCKETS) {
            throw new IllegalArgumentException("sockets: 1.." + MAX_SOCKETS + ", not " + n);
        }
        raiseFileLimit(n + 64);
        return NetnsThread.call(limit, () -> bindAll(n, port, marks));
    }

    private static List<Window> bindAll(int n, int port, List<Integer> marks) {
        int[] fds = new int[n];
        int made = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocate(ValueLayout.JAVA_INT);
            one.set(ValueLayout.JAVA_INT, 0, 1);
            MemorySegment addr = SockAddr.encode(arena, new Endpoint(IpAddr.V4_ANY, port), AF_INET, 16, 0);
            for (; made < n; made++) {
                Libc.Sys s = Libc.socket(AF_INET, SOCK_STREAM, 0);
                if (s.failed()) {
                    throw new ProbeException("socket() #" + (made + 1) + ": " + Errnos.name(s.errno()));
                }
                fds[made] = s.fd();
                check(Libc.setsockopt(s.fd(), Sockets.SOL_SOCKET, SO_REUSEADDR, one, 4), "setsockopt", made);
            }
            List<Window> out = new ArrayList<>();
            int bound = 0;
            for (int mark : marks) {
                int from = Math.max(bound, mark - Math.max(1, mark / 10));
                while (bound < from) {
                    check(Libc.bind(fds[bound], addr, 16), "bind", bound);
                    bound++;
                }
                long t0 = System.nanoTime();
                while (bound < mark) {
                    check(Libc.bind(fds[bound], addr, 16), "bind", bound);
                    bound++;
                }
                out.add(new Window(from, mark, System.nanoTime() - t0));
            }
            return out;
        } finally {
            for (int i = 0; i < made; i++) {
                Libc.close(fds[i]);
            }
        }
    }

    private static void check(Libc.Sys r, String call, int index) {
        if (r.failed()) {
            throw new ProbeException(call + "() of socket #" + (index + 1) + " failed: " + Errnos.name(r.errno()));
        }
    }

    /** This process's own RLIMIT_NOFILE, raised (soft and hard) to hold the sockets. */
    private static void raiseFileLimit(long need) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment lim = arena.allocate(16);
            Libc.syscall(SYS_GETRLIMIT, RLIMIT_NOFILE, lim.address(), 0);
            if (lim.get(ValueLayout.JAVA_LONG, 0) >= need) {
                return;
            }
            lim.set(ValueLayout.JAVA_LONG, 0, need);
            lim.set(ValueLayout.JAVA_LONG, 8, Math.max(need, lim.get(ValueLayout.JAVA_LONG, 8)));
            Libc.Sys r = Libc.syscall(SYS_SETRLIMIT, RLIMIT_NOFILE, lim.address(), 0);
            if (r.failed()) {
                throw new ProbeUnavailableException("reuselab: cannot raise the open-file limit to " + need + ": "
                        + Errnos.name(r.errno()));
            }
        }
    }
}
