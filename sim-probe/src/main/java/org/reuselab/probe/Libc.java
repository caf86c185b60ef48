package org.reuselab.probe;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The C library calls the probe makes, through the FFM API. Every call captures errno right after
 * the call returns ({@code Linker.Option.captureCallState("errno")}), so a failure reports exactly
 * what the kernel said and no later call can overwrite it.
 */
final class Libc {

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_STREAM = 1;
    static final int SOCK_NONBLOCK = 0x800;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int O_RDWR = 2;
    static final int O_WRONLY = 1;
    static final int O_NONBLOCK = 0x800;
    static final int O_CLOEXEC = 0x80000;
    static final int CLONE_NEWNET = 0x40000000;
    static final int MSG_NOSIGNAL = 0x4000;
    static final short POLLIN = 0x1;
    static final short POLLOUT = 0x4;
    static final long SYS_SETRESUID = 117;
    static final long SYS_GETTID = 186;
    static final int EAGAIN = 11;
    static final int EINTR = 4;
    static final int EINPROGRESS = 115;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPT = Linker.Option.captureCallState("errno");

    private static final MethodHandle SOCKET = fn("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle SETSOCKOPT = fn("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS,
            JAVA_INT);
    private static final MethodHandle GETSOCKOPT = fn("getsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS,
            ADDRESS);
    private static final MethodHandle BIND = fn("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle LISTEN = fn("listen", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle CONNECT = fn("connect", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle ACCEPT4 = fn("accept4", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
    private static final MethodHandle CLOSE = fn("close", JAVA_INT, JAVA_INT);
    private static final MethodHandle SHUTDOWN = fn("shutdown", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle GETSOCKNAME = fn("getsockname", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle GETPEERNAME = fn("getpeername", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle FCHOWN = fn("fchown", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle IOCTL = variadic("ioctl", 2, JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS);
    private static final MethodHandle READ = fn("read", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle WRITE = fn("write", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle SEND = fn("send", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final MethodHandle POLL = fn("poll", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final MethodHandle SOCKETPAIR = fn("socketpair", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);
    private static final MethodHandle SENDMSG = fn("sendmsg", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle UNSHARE = fn("unshare", JAVA_INT, JAVA_INT);
    private static final MethodHandle OPEN = variadic("open", 2, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle SYSCALL = variadic("syscall", 1, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
            JAVA_LONG);

    private Libc() {
    }

    /** A call's return value and, when it failed (value -1), the errno it captured. */
    record Sys(long value, int errno) {
        boolean failed() {
            return value == -1;
        }

        int fd() {
            return (int) value;
        }
    }

    @SuppressWarnings("restricted") // the whole point of this class; native access is enabled on the command line
    private static MethodHandle fn(String name, MemoryLayout ret, MemoryLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(ret, args), ERRNO_OPT);
    }

    @SuppressWarnings("restricted")
    private static MethodHandle variadic(String name, int firstVariadic, MemoryLayout ret, MemoryLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(ret, args), ERRNO_OPT,
                Linker.Option.firstVariadicArg(firstVariadic));
    }

    private static MemorySegment symbol(String name) {
        return LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("the C library has no " + name + "()"));
    }

    private static Sys call(MethodHandle mh, Object... args) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            Object[] all = new Object[args.length + 1];
            all[0] = state;
            System.arraycopy(args, 0, all, 1, args.length);
            Object ret = mh.invokeWithArguments(all);
            long value = ret instanceof Integer i ? i : (Long) ret;
            return new Sys(value, value == -1 ? (int) ERRNO.get(state, 0L) : 0);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("native call failed: " + t, t);
        }
    }

    static Sys socket(int domain, int type, int protocol) {
        return call(SOCKET, domain, type, protocol);
    }

    static Sys setsockopt(int fd, int level, int name, MemorySegment value, int len) {
        return call(SETSOCKOPT, fd, level, name, value, len);
    }

    static Sys getsockopt(int fd, int level, int name, MemorySegment value, MemorySegment len) {
        return call(GETSOCKOPT, fd, level, name, value, len);
    }

    static Sys bind(int fd, MemorySegment addr, int len) {
        return call(BIND, fd, addr, len);
    }

    static Sys listen(int fd, int backlog) {
        return call(LISTEN, fd, backlog);
    }

    static Sys connect(int fd, MemorySegment addr, int len) {
        return call(CONNECT, fd, addr, len);
    }

    static Sys accept4(int fd, MemorySegment addr, MemorySegment len, int flags) {
        return call(ACCEPT4, fd, addr, len, flags);
    }

    static Sys close(int fd) {
        return call(CLOSE, fd);
    }

    static Sys shutdown(int fd, int how) {
        return call(SHUTDOWN, fd, how);
    }

    static Sys getsockname(int fd, MemorySegment addr, MemorySegment len) {
        return call(GETSOCKNAME, fd, addr, len);
    }

    static Sys getpeername(int fd, MemorySegment addr, MemorySegment len) {
        return call(GETPEERNAME, fd, addr, len);
    }

    static Sys fchown(int fd, int uid, int gid) {
        return call(FCHOWN, fd, uid, gid);
    }

    static Sys ioctl(int fd, long request, MemorySegment arg) {
        return call(IOCTL, fd, request, arg);
    }

    static Sys read(int fd, MemorySegment buf, long count) {
        return call(READ, fd, buf, count);
    }

    static Sys write(int fd, MemorySegment buf, long count) {
        return call(WRITE, fd, buf, count);
    }

    static Sys send(int fd, MemorySegment buf, long count, int flags) {
        return call(SEND, fd, buf, count, flags);
    }

    static Sys poll(MemorySegment fds, long nfds, int timeoutMs) {
        return call(POLL, fds, nfds, timeoutMs);
    }

    static Sys socketpair(int domain, int type, int protocol, MemorySegment fds) {
        return call(SOCKETPAIR, domain, type, protocol, fds);
    }

    static Sys sendmsg(int fd, MemorySegment msghdr, int flags) {
        return call(SENDMSG, fd, msghdr, flags);
    }

    static Sys unshare(int flags) {
        return call(UNSHARE, flags);
    }

    static Sys open(MemorySegment path, int flags, int mode) {
        return call(OPEN, path, flags, mode);
    }

    /** syscall(2) with three arguments (unused ones are ignored by the kernel). */
    static Sys syscall(long number, long a, long b, long c) {
        return call(SYSCALL, number, a, b, c);
    }
}
