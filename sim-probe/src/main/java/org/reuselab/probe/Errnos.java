package org.reuselab.probe;

import org.reuselab.core.net.Errno;

/** errno numbers the kernel returned, as the trace's {@link Errno} names. */
final class Errnos {

    private Errnos() {
    }

    static Errno of(int number) {
        return Errno.byNumber(number).orElseThrow(() -> new ProbeException(
                "the kernel returned errno " + number + ", which traces cannot name yet"));
    }

    /** {@code EPERM}, or {@code errno 123} for one the trace has no name for. */
    static String name(int number) {
        return Errno.byNumber(number).map(Enum::name).orElse("errno " + number);
    }
}
