package org.reuselab.probe;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps sockets open without holding their file descriptors, so that a run can hold more sockets
 * than its open-file limit allows: each batch is sent over an AF_UNIX socket pair as SCM_RIGHTS
 * and then closed here. Until the pair is closed the kernel keeps the files in flight, and the
 * sockets stay bound. The kernel counts files in flight against RLIMIT_NOFILE too, unless the
 * sender has CAP_SYS_ADMIN or CAP_SYS_RESOURCE (too_many_unix_fds(), net/unix); without either,
 * sendmsg() fails with ETOOMANYREFS and the run stops with that reason. Closing this object
 * closes the pairs, and with them every parked socket.
 */
final class SocketParking implements AutoCloseable {

    private static final int AF_UNIX = 1;
    private static final int SOL_SOCKET = 1;
    private static final int SCM_RIGHTS = 1;
    private static final int MSG_DONTWAIT = 0x40;
    /** The most descriptors one message may carry (SCM_MAX_FD). */
    static final int PER_MESSAGE = 253;
    private static final int EAGAIN = 11;
    private static final long MSGHDR_SIZE = 56;
    private static final long CMSG_HEADER = 16;

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment msg = arena.allocate(MSGHDR_SIZE, 8);
    private final MemorySegment iov = arena.allocate(16, 8);
    private final MemorySegment control = arena.allocate(CMSG_HEADER + 4L * PER_MESSAGE, 8);
    private final List<Integer> pairs = new ArrayList<>();
    private int sender = -1;
    private int parked;

    SocketParking() {
        MemorySegment oneByte = arena.allocate(1);
        iov.set(ValueLayout.ADDRESS, 0, oneByte);
        iov.set(ValueLayout.JAVA_LONG, 8, 1);
    }

    /** How many sockets are parked. */
    int parked() {
        return parked;
    }

    /**
     * Parks {@code fds[0..count)}: sends them away and closes them here. The descriptors are
     * closed when this returns and also when it fails (those not yet sent then close for good).
     */
    void park(int[] fds, int count) {
        int from = 0;
        try {
            for (; from < count; from += PER_MESSAGE) {
                int n = Math.min(PER_MESSAGE, count - from);
                send(fds, from, n);
                for (int i = from; i < from + n; i++) {
                    Libc.close(fds[i]);
                }
                parked += n;
            }
        } finally {
            for (int i = from; i < count; i++) {
                Libc.close(fds[i]);
            }
        }
    }

    /** One message with {@code n} descriptors; a full pair (EAGAIN) is left as it is for a new one. */
    private void send(int[] fds, int from, int n) {
        long len = CMSG_HEADER + 4L * n;
        control.set(ValueLayout.JAVA_LONG, 0, len);
        control.set(ValueLayout.JAVA_INT, 8, SOL_SOCKET);
        control.set(ValueLayout.JAVA_INT, 12, SCM_RIGHTS);
        for (int i = 0; i < n; i++) {
            control.set(ValueLayout.JAVA_INT, CMSG_HEADER + 4L * i, fds[from + i]);
        }
        msg.fill((byte) 0);
        msg.set(ValueLayout.ADDRESS, 16, iov);
        msg.set(ValueLayout.JAVA_LONG, 24, 1);
        msg.set(ValueLayout.ADDRESS, 32, control);
        msg.set(ValueLayout.JAVA_LONG, 40, (len + 7) & ~7L);
        for (int attempt = 0; attempt < 2; attempt++) {
            if (sender < 0) {
                openPair();
            }
            Libc.Sys r = Libc.sendmsg(sender, msg, MSG_DONTWAIT);
            if (!r.failed()) {
                return;
            }
            if (r.errno() != EAGAIN) {
                throw new ProbeUnavailableException("reuselab: cannot hold more sockets than the open-file limit: "
                        + "sendmsg(SCM_RIGHTS) failed with " + Errnos.name(r.errno())
                        + " (needs CAP_SYS_ADMIN or CAP_SYS_RESOURCE)");
            }
            sender = -1;
        }
        throw new ProbeException("sendmsg(SCM_RIGHTS): a new socket pair was full at once");
    }

    private void openPair() {
        MemorySegment sv = arena.allocate(ValueLayout.JAVA_INT, 2);
        Libc.Sys r = Libc.socketpair(AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0, sv);
        if (r.failed()) {
            throw new ProbeException("socketpair(AF_UNIX): " + Errnos.name(r.errno()));
        }
        pairs.add(sv.getAtIndex(ValueLayout.JAVA_INT, 0));
        pairs.add(sv.getAtIndex(ValueLayout.JAVA_INT, 1));
        sender = sv.getAtIndex(ValueLayout.JAVA_INT, 0);
    }

    @Override
    public void close() {
        for (int fd : pairs) {
            Libc.close(fd);
        }
        pairs.clear();
        arena.close();
    }
}
