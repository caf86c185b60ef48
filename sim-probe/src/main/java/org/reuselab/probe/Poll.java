package org.reuselab.probe;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** poll(2) over a few descriptors with a bounded wait. */
final class Poll {

    private Poll() {
    }

    /** Waits up to {@code timeoutMs} for any of {@code fds} to have {@code events}; true if one has. */
    static boolean any(int[] fds, short events, int timeoutMs) {
        if (fds.length == 0) {
            return false;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment set = a.allocate(8L * fds.length, 4);
            for (int i = 0; i < fds.length; i++) {
                set.set(ValueLayout.JAVA_INT, 8L * i, fds[i]);
                set.set(ValueLayout.JAVA_SHORT, 8L * i + 4, events);
            }
            Libc.Sys r = Libc.poll(set, fds.length, Math.max(0, timeoutMs));
            if (r.failed()) {
                if (r.errno() == Libc.EINTR) {
                    return false;
                }
                throw new ProbeException("poll failed: " + Errnos.name(r.errno()));
            }
            return r.value() > 0;
        }
    }
}
