package org.reuselab.probe;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.IpAddr;

/**
 * The FTP case of the bind fast path, timed on this machine's kernel: N TCP sockets with
 * SO_REUSEADDR bound one after another to the same address and port, in a fresh network
 * namespace. Each window of binds is timed on its own, so one run shows how the time of a bind
 * grows with the number of sockets already bound (the owners a slow-path bind walks). Runs beyond
 * the open-file limit park bound sockets in flight over AF_UNIX pairs ({@link SocketParking}).
 */
public final class FtpBindTimer {

    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int RLIMIT_NOFILE = 7;
    private static final long SYS_SETRLIMIT = 160;
    private static final long SYS_GETRLIMIT = 97;
    private static final int CAP_SYS_ADMIN = 21;
    private static final int CAP_SYS_RESOURCE = 24;
    /** The sockets of a run at most (file descriptors are raised to fit). */
    public static final int MAX_SOCKETS = 200_000;
    /** Files left for the JVM itself (jars, the namespace, TUN devices). */
    private static final int RESERVED_FILES = 256;

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
     * mark, so it measures the cost of a bind when about {@code mark} sockets are bound. Runs of
     * more sockets than the open-file limit allows park each bound batch ({@link SocketParking});
     * parking happens between binds, outside the timed loops.
     */
    public static List<Window> run(int n, int port, List<Integer> marks, Duration limit) {
        if (n < 1 || n > MAX_SOCKETS) {
            throw new IllegalArgumentException("sockets: 1.." + MAX_SOCKETS + ", not " + n);
        }
        int capacity = capacity();
        if (n > capacity) {
            throw new ProbeUnavailableException("reuselab: " + n + " sockets do not fit the open-file limit ("
                    + capacity + " sockets at most here)");
        }
        int batch = socketLimit();
        return NetnsThread.call(limit, () -> bindAll(n, port, marks, batch));
    }

    /**
     * How many sockets a run can hold: {@link #MAX_SOCKETS} where bound sockets can be parked
     * beyond the open-file limit (the process has CAP_SYS_ADMIN or CAP_SYS_RESOURCE), else
     * {@link #socketLimit()}.
     */
    public static int capacity() {
        return hasCapability(CAP_SYS_ADMIN) || hasCapability(CAP_SYS_RESOURCE) ? MAX_SOCKETS : socketLimit();
    }

    /** Whether this process has an effective capability (the CapEff mask of /proc/self/status). */
    private static boolean hasCapability(int cap) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("CapEff:"))
                    .findFirst().map(l -> (Long.parseUnsignedLong(l.substring(7).trim(), 16) >>> cap & 1) == 1)
                    .orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static List<Window> bindAll(int n, int port, List<Integer> marks, int batch) {
        int[] fds = new int[Math.min(n, batch)];
        int open = 0;
        long[] nanos = new long[marks.size()];
        int[] starts = new int[marks.size()];
        for (int w = 0, prev = 0; w < marks.size(); prev = marks.get(w), w++) {
            starts[w] = Math.max(prev, marks.get(w) - Math.max(1, marks.get(w) / 10));
        }
        try (Arena arena = Arena.ofConfined(); SocketParking parking = new SocketParking()) {
            MemorySegment one = arena.allocate(ValueLayout.JAVA_INT);
            one.set(ValueLayout.JAVA_INT, 0, 1);
            MemorySegment addr = SockAddr.encode(arena, new Endpoint(IpAddr.V4_ANY, port), AF_INET, 16, 0);
            int bound = 0;
            int batchStart = 0;
            int w = 0;
            int end = marks.getLast();
            while (bound < end) {
                if (bound == batchStart + open) {
                    int full = open;
                    open = 0;
                    parking.park(fds, full);
                    batchStart = bound;
                    for (int want = Math.min(fds.length, n - bound); open < want; open++) {
                        fds[open] = newSocket(one, bound + open);
                    }
                }
                while (w < marks.size() && bound >= marks.get(w)) {
                    w++;
                }
                boolean timed = bound >= starts[w];
                int stop = Math.min(batchStart + open, timed ? marks.get(w) : starts[w]);
                long t0 = System.nanoTime();
                for (; bound < stop; bound++) {
                    check(Libc.bind(fds[bound - batchStart], addr, 16), "bind", bound);
                }
                if (timed) {
                    nanos[w] += System.nanoTime() - t0;
                }
            }
            List<Window> out = new ArrayList<>();
            for (int i = 0; i < marks.size(); i++) {
                out.add(new Window(starts[i], marks.get(i), nanos[i]));
            }
            return out;
        } finally {
            for (int i = 0; i < open; i++) {
                Libc.close(fds[i]);
            }
        }
    }

    private static int newSocket(MemorySegment one, int index) {
        Libc.Sys s = Libc.socket(AF_INET, SOCK_STREAM, 0);
        if (s.failed()) {
            throw new ProbeException("socket() #" + (index + 1) + ": " + Errnos.name(s.errno()));
        }
        check(Libc.setsockopt(s.fd(), Sockets.SOL_SOCKET, SO_REUSEADDR, one, 4), "setsockopt", index);
        return s.fd();
    }

    private static void check(Libc.Sys r, String call, int index) {
        if (r.failed()) {
            throw new ProbeException(call + "() of socket #" + (index + 1) + " failed: " + Errnos.name(r.errno()));
        }
    }

    /**
     * How many sockets a run can hold: this process's RLIMIT_NOFILE, raised to its hard limit (and
     * beyond it to {@link #MAX_SOCKETS} where the process may), less room for the JVM's own files.
     */
    public static int socketLimit() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment lim = arena.allocate(16);
            Libc.syscall(SYS_GETRLIMIT, RLIMIT_NOFILE, lim.address(), 0);
            long hard = lim.get(ValueLayout.JAVA_LONG, 8);
            long want = MAX_SOCKETS + RESERVED_FILES;
            lim.set(ValueLayout.JAVA_LONG, 0, want);
            lim.set(ValueLayout.JAVA_LONG, 8, Math.max(want, hard));
            if (Libc.syscall(SYS_SETRLIMIT, RLIMIT_NOFILE, lim.address(), 0).failed()) {
                // Without CAP_SYS_RESOURCE the hard limit is the ceiling.
                lim.set(ValueLayout.JAVA_LONG, 0, hard);
                lim.set(ValueLayout.JAVA_LONG, 8, hard);
                Libc.syscall(SYS_SETRLIMIT, RLIMIT_NOFILE, lim.address(), 0);
            }
            Libc.syscall(SYS_GETRLIMIT, RLIMIT_NOFILE, lim.address(), 0);
            return (int) Math.min(MAX_SOCKETS, lim.get(ValueLayout.JAVA_LONG, 0) - RESERVED_FILES);
        }
    }
}
