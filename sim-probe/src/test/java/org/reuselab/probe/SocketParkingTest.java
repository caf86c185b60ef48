package org.reuselab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.IpAddr;

/**
 * Sockets parked over AF_UNIX pairs stay open and bound without a descriptor in this process, and
 * go away with the pairs; the FTP timer uses that to bind more sockets than the open-file limit.
 */
@Tag("root")
class SocketParkingTest {

    private static final int SO_REUSEADDR = 2;
    private static final int PORT = 2121;
    private static final int EADDRINUSE = 98;

    @Test
    void parkedSocketsStayBoundUntilTheParkingCloses() {
        RealKernel.assumeAvailable();
        List<Integer> errnos = NetnsThread.call(Duration.ofMinutes(1), () -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment one = arena.allocate(ValueLayout.JAVA_INT);
                one.set(ValueLayout.JAVA_INT, 0, 1);
                MemorySegment addr = SockAddr.encode(arena, new Endpoint(IpAddr.V4_ANY, PORT), Libc.AF_INET, 16, 0);
                int n = 2 * SocketParking.PER_MESSAGE + 7;
                int[] fds = new int[n];
                int whileParked;
                try (SocketParking parking = new SocketParking()) {
                    for (int i = 0; i < n; i++) {
                        fds[i] = Libc.socket(Libc.AF_INET, Libc.SOCK_STREAM, 0).fd();
                        Libc.setsockopt(fds[i], Sockets.SOL_SOCKET, SO_REUSEADDR, one, 4);
                        assertFalse(Libc.bind(fds[i], addr, 16).failed(), "bind of socket " + i);
                    }
                    parking.park(fds, n);
                    assertEquals(n, parking.parked());
                    for (int fd : fds) {
                        assertTrue(Libc.close(fd).failed(), "descriptor " + fd + " was closed by the parking");
                    }
                    whileParked = bindWithoutReuse(addr);
                }
                return List.of(whileParked, bindWithoutReuse(addr));
            }
        });
        assertEquals(EADDRINUSE, errnos.get(0), "a socket without SO_REUSEADDR meets the parked owners");
        assertEquals(0, errnos.get(1), "closing the parking closes the parked sockets and frees the port");
    }

    @Test
    void ftpTimerBindsBeyondTheOpenFileLimit() {
        RealKernel.assumeAvailable();
        int limit = FtpBindTimer.socketLimit();
        assumeTrue(FtpBindTimer.capacity() > limit + 300,
                "parking sockets beyond the open-file limit needs CAP_SYS_ADMIN or CAP_SYS_RESOURCE");
        int n = limit + 300;
        List<FtpBindTimer.Window> windows = FtpBindTimer.run(n, PORT, List.of(100, n), Duration.ofMinutes(5));
        assertEquals(2, windows.size());
        assertEquals(n, windows.get(1).to());
        assertEquals(n - n / 10, windows.get(1).from());
        assertTrue(windows.get(1).nanos() > 0 && windows.get(0).nanos() > 0, windows.toString());
    }

    /** errno of binding a socket without SO_REUSEADDR (0: it bound); the socket is closed again. */
    private static int bindWithoutReuse(MemorySegment addr) {
        int fd = Libc.socket(Libc.AF_INET, Libc.SOCK_STREAM, 0).fd();
        try {
            Libc.Sys r = Libc.bind(fd, addr, 16);
            return r.failed() ? r.errno() : 0;
        } finally {
            Libc.close(fd);
        }
    }
}
