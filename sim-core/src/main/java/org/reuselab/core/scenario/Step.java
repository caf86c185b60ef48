package org.reuselab.core.scenario;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.reuselab.core.net.Family;

/** One step of a scenario. Ops marked "extension" are reuselab's compatible additions to v1. */
public sealed interface Step {

    StepMeta meta();

    /** The op name as written in files. */
    String op();

    record Socket(StepMeta meta, String sock, Family family, int uid, List<OptionSetting> opts) implements Step {
        public Socket {
            opts = List.copyOf(opts);
        }

        public String op() {
            return "socket";
        }
    }

    record Setsockopt(StepMeta meta, String sock, OptionSetting setting) implements Step {
        public String op() {
            return "setsockopt";
        }
    }

    /** {@code raw} (extension) overrides the sockaddr family and length the runner passes. */
    record Bind(StepMeta meta, String sock, AddrSpec addr, Optional<RawSockaddr> raw) implements Step {
        public String op() {
            return "bind";
        }
    }

    record Listen(StepMeta meta, String sock, int backlog) implements Step {
        public String op() {
            return "listen";
        }
    }

    record Connect(StepMeta meta, String sock, AddrSpec to, OptionalInt count, int timeoutMs) implements Step {
        public String op() {
            return "connect";
        }
    }

    record Accept(StepMeta meta, String sock, Optional<String> as) implements Step {
        public String op() {
            return "accept";
        }
    }

    record AcceptAll(StepMeta meta, String sock) implements Step {
        public String op() {
            return "accept_all";
        }
    }

    record Write(StepMeta meta, String sock, int bytes) implements Step {
        public String op() {
            return "write";
        }
    }

    record Info(StepMeta meta, String sock) implements Step {
        public String op() {
            return "info";
        }
    }

    /** {@code serve} false stops serving; {@code close} says whether accepted children are closed. */
    record Serve(StepMeta meta, String sock, boolean serve, boolean close) implements Step {
        public String op() {
            return "serve";
        }
    }

    record Close(StepMeta meta, String sock) implements Step {
        public String op() {
            return "close";
        }
    }

    record Shutdown(StepMeta meta, String sock, How how) implements Step {
        public String op() {
            return "shutdown";
        }
    }

    record Send(StepMeta meta, AddrSpec from, AddrSpec to, String flags, int payload, OptionalLong seq,
            OptionalLong ack) implements Step {
        public String op() {
            return "send";
        }
    }

    /**
     * One handshake per source port of {@code from}; with {@code count} (an extension), exactly that
     * many, continuing from the low port of the next peer address when the ports run out, and the
     * outcome is a tally instead of one result per connection.
     */
    record Handshake(StepMeta meta, AddrSpec from, AddrSpec to, java.util.OptionalInt count) implements Step {
        public Handshake(StepMeta meta, AddrSpec from, AddrSpec to) {
            this(meta, from, to, java.util.OptionalInt.empty());
        }

        public String op() {
            return "handshake";
        }
    }

    record Advance(StepMeta meta, long ms) implements Step {
        public String op() {
            return "advance";
        }
    }

    record Sysctl(StepMeta meta, SysctlSetting setting) implements Step {
        public String op() {
            return "sysctl";
        }
    }

    record Dump(StepMeta meta) implements Step {
        public String op() {
            return "dump";
        }
    }

    /** Extension: fchown() on the socket's file, which changes the socket's uid (sk_uid). */
    record Fchown(StepMeta meta, String sock, int uid) implements Step {
        public String op() {
            return "fchown";
        }
    }

    /** Extension: getsockopt() of a flag option; the trace shows the value. */
    record Getsockopt(StepMeta meta, String sock, SockOpt opt) implements Step {
        public String op() {
            return "getsockopt";
        }
    }

    /** shutdown()'s how. */
    enum How {
        RD("rd"), WR("wr"), RDWR("rdwr");

        private final String jsonName;

        How(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    /** Extension for bind: the sockaddr's family field and length as passed to bind(). */
    record RawSockaddr(SaFamily family, int length) {
    }

    /** sa_family values a raw sockaddr may carry. */
    enum SaFamily { UNSPEC, INET, INET6 }
}
