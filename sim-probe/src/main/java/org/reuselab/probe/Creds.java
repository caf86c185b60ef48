package org.reuselab.probe;

import java.util.function.Supplier;

/**
 * Calls made as another uid. setresuid(-1, uid, -1) through the raw syscall changes only the
 * calling thread's credentials (glibc's wrapper would change every thread of the process); the
 * real and saved uid stay 0, so switching back restores the effective capabilities.
 */
final class Creds {

    private Creds() {
    }

    static <T> T as(int uid, Supplier<T> call) {
        if (uid == 0) {
            return call.get();
        }
        set(uid);
        try {
            return call.get();
        } finally {
            set(0);
        }
    }

    private static void set(int euid) {
        Libc.Sys r = Libc.syscall(Libc.SYS_SETRESUID, -1L, euid, -1L);
        if (r.failed()) {
            throw new ProbeException("setresuid(-1, " + euid + ", -1) failed: " + Errnos.name(r.errno()));
        }
    }
}
