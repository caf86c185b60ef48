package org.reuselab.core.net;

import java.util.Optional;

/** The errno values a scenario can observe, with their Linux x86-64 numbers. */
public enum Errno {
    EPERM(1),
    ENOENT(2),
    EBADF(9),
    EAGAIN(11),
    ENOMEM(12),
    EACCES(13),
    EBUSY(16),
    ENODEV(19),
    EINVAL(22),
    EPIPE(32),
    ENOPROTOOPT(92),
    EOPNOTSUPP(95),
    EAFNOSUPPORT(97),
    EADDRINUSE(98),
    EADDRNOTAVAIL(99),
    ENETUNREACH(101),
    ECONNABORTED(103),
    ECONNRESET(104),
    EISCONN(106),
    ENOTCONN(107),
    ETIMEDOUT(110),
    ECONNREFUSED(111),
    EALREADY(114),
    EINPROGRESS(115);

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static Optional<Errno> byName(String name) {
        for (Errno e : values()) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static Optional<Errno> byNumber(int number) {
        for (Errno e : values()) {
            if (e.number == number) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
