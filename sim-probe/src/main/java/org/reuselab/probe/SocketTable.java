package org.reuselab.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.reuselab.core.net.Endpoint;

/** The scenario's open sockets by name, the ports closed ones had, and the children counted per listener. */
final class SocketTable {

    private final Map<String, ProbeSocket> open = new LinkedHashMap<>();
    private final Map<String, Integer> portAtClose = new HashMap<>();
    private final Map<String, Integer> childCount = new HashMap<>();

    Optional<ProbeSocket> find(String name) {
        return Optional.ofNullable(open.get(name));
    }

    void add(ProbeSocket s) {
        ProbeSocket old = open.put(s.name, s);
        if (old != null) {
            Libc.close(old.fd);
        }
    }

    List<ProbeSocket> all() {
        return new ArrayList<>(open.values());
    }

    /** Closes the socket and remembers its port for {@code $name}. */
    void close(ProbeSocket s) {
        Sockets.local(s.fd, "").map(Endpoint::port).filter(p -> p != 0).ifPresent(p -> portAtClose.put(s.name, p));
        open.remove(s.name);
        Libc.close(s.fd);
    }

    /** The next child name of {@code listener}: {@code listener.n}, counted from 1 across steps. */
    String nextChildName(String listener) {
        return listener + "." + childCount.merge(listener, 1, Integer::sum);
    }

    /** What {@code $name} stands for now: the open socket's port, else the port it had when closed. */
    OptionalInt portOf(String name) {
        ProbeSocket s = open.get(name);
        if (s != null) {
            int p = Sockets.local(s.fd, "").map(Endpoint::port).orElse(0);
            if (p != 0) {
                return OptionalInt.of(p);
            }
        }
        Integer closed = portAtClose.get(name);
        return closed == null ? OptionalInt.empty() : OptionalInt.of(closed);
    }

    void closeAll() {
        for (ProbeSocket s : open.values()) {
            Libc.close(s.fd);
        }
        open.clear();
    }
}
