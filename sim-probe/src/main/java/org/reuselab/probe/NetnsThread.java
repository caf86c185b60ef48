package org.reuselab.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A dedicated platform thread in a network namespace of its own. unshare(CLONE_NEWNET) moves only
 * the calling thread, so every socket call of a run is made on this thread. The namespace has no
 * name (no {@code ip netns add}): it lives as long as this thread and the sockets made in it, and
 * disappears with them even if the process is killed.
 */
final class NetnsThread {

    static final String NEEDS = "reuselab real: needs root and network namespaces";

    private NetnsThread() {
    }

    /** Runs {@code body} on a new thread that has entered a fresh network namespace, within {@code limit}. */
    static <T> T call(Duration limit, Callable<T> body) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name("reuselab-netns").daemon(true).unstarted(() -> {
            try {
                enter();
                result.set(body.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        try {
            if (!t.join(limit)) {
                t.interrupt();
                throw new ProbeException("the run did not finish within " + limit.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted while waiting for the run", e);
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new ProbeException(e.toString(), e);
        }
        return result.get();
    }

    private static void enter() {
        Libc.Sys r = Libc.unshare(Libc.CLONE_NEWNET);
        if (r.failed()) {
            throw new ProbeUnavailableException(NEEDS + " (unshare(CLONE_NEWNET) failed: " + Errnos.name(r.errno()) + ")");
        }
        try {
            Path mine = Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net"));
            Path process = Files.readSymbolicLink(Path.of("/proc/self/ns/net"));
            if (mine.equals(process)) {
                throw new ProbeException("unshare(CLONE_NEWNET) succeeded but the thread is still in " + process);
            }
        } catch (IOException e) {
            throw new ProbeUnavailableException(NEEDS + " (cannot read /proc/thread-self/ns/net: " + e.getMessage() + ")");
        }
    }

    /** This thread's id (gettid), for {@code /proc/<pid>/task/<tid>/ns/net}. */
    static long tid() {
        return Libc.syscall(Libc.SYS_GETTID, 0, 0, 0).value();
    }
}
