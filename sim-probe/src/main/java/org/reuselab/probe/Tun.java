package org.reuselab.probe;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A TUN device (IFF_TUN | IFF_NO_PI) carrying one of the scenario's interfaces: what the probe
 * writes to it arrives at the kernel as IP packets from remote peers, and what the kernel routes
 * to that subnet can be read from it. Opened on the namespace thread, so the device is created in
 * the scenario's namespace and disappears when the descriptor is closed.
 */
final class Tun implements AutoCloseable {

    private static final long TUNSETIFF = 0x400454caL;
    private static final short IFF_TUN = 0x0001;
    private static final short IFF_NO_PI = 0x1000;
    private static final int IFNAMSIZ = 16;
    private static final int MTU_BUF = 65536;

    private final String name;
    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buf = arena.allocate(MTU_BUF);

    private Tun(String name, int fd) {
        this.name = name;
        this.fd = fd;
    }

    static Tun open(String name) {
        if (name.getBytes(StandardCharsets.US_ASCII).length >= IFNAMSIZ) {
            throw new ProbeException("interface name '" + name + "' is longer than " + (IFNAMSIZ - 1) + " bytes");
        }
        int fd;
        try (Arena a = Arena.ofConfined()) {
            Libc.Sys r = Libc.open(a.allocateFrom("/dev/net/tun"), Libc.O_RDWR | Libc.O_NONBLOCK | Libc.O_CLOEXEC, 0);
            if (r.failed()) {
                throw new ProbeUnavailableException(NetnsThread.NEEDS + " and /dev/net/tun (open failed: "
                        + Errnos.name(r.errno()) + ")");
            }
            fd = r.fd();
            MemorySegment ifr = a.allocate(40);
            MemorySegment.copy(a.allocateFrom(name), 0, ifr, 0, name.length());
            ifr.set(ValueLayout.JAVA_SHORT_UNALIGNED, IFNAMSIZ, (short) (IFF_TUN | IFF_NO_PI));
            Libc.Sys set = Libc.ioctl(fd, TUNSETIFF, ifr);
            if (set.failed()) {
                Libc.close(fd);
                throw new ProbeException("TUNSETIFF " + name + " failed: " + Errnos.name(set.errno()));
            }
        }
        return new Tun(name, fd);
    }

    String name() {
        return name;
    }

    int fd() {
        return fd;
    }

    void write(byte[] packet) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(packet.length);
            MemorySegment.copy(packet, 0, s, ValueLayout.JAVA_BYTE, 0, packet.length);
            Libc.Sys r = Libc.write(fd, s, packet.length);
            if (r.failed() || r.value() != packet.length) {
                throw new ProbeException("write to " + name + " failed: " + Errnos.name(r.errno()));
            }
        }
    }

    /** Every packet queued on the device now (non-blocking; at most {@code max}). */
    List<byte[]> drain(int max) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            Libc.Sys r = Libc.read(fd, buf, MTU_BUF);
            if (r.failed()) {
                if (r.errno() == Libc.EAGAIN || r.errno() == Libc.EINTR) {
                    break;
                }
                throw new ProbeException("read from " + name + " failed: " + Errnos.name(r.errno()));
            }
            out.add(buf.asSlice(0, r.value()).toArray(ValueLayout.JAVA_BYTE));
        }
        return out;
    }

    @Override
    public void close() {
        Libc.close(fd);
        arena.close();
    }
}
