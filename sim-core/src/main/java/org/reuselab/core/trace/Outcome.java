package org.reuselab.core.trace;

import java.util.List;
import java.util.Optional;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.TcpState;

/** What a step did, in the same shape for the simulator and a real kernel. */
public sealed interface Outcome {

    /** The call succeeded; {@code local} is the socket's address afterwards where the call has one. */
    record Ok(Optional<Endpoint> local) implements Outcome {
    }

    /** The call failed with an errno. */
    record Failed(Errno errno) implements Outcome {
    }

    /** getsockopt()'s value. */
    record Value(long value) implements Outcome {
    }

    /** info: the socket's TCP state, local and peer address. */
    record Info(TcpState state, Endpoint local, Optional<Endpoint> peer) implements Outcome {
    }

    /** dump: the host's sockets and tables, one line each. */
    record Dump(List<String> lines) implements Outcome {
        public Dump {
            lines = List.copyOf(lines);
        }
    }

    /** The op is valid but this host does not model or run it yet. */
    record NotModelled(String op) implements Outcome {
    }

    static Outcome ok() {
        return new Ok(Optional.empty());
    }
}
