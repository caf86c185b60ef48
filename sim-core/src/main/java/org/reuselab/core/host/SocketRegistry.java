package org.reuselab.core.host;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Family;

/** The scenario's socket names: open sockets in creation order, and the last port of each name. */
final class SocketRegistry {

    private final Map<String, SimSocket> open = new LinkedHashMap<>();
    private final Map<String, Integer> lastPort = new LinkedHashMap<>();
    private int nextId = 1;

    SimSocket create(String name, Family family, int uid) {
        SimSocket s = new SimSocket(nextId++, name, family, uid);
        open.put(name, s);
        return s;
    }

    /** A socket that has no scenario name yet (a child in an accept queue). */
    SimSocket newUnnamed(String label, Family family, int uid) {
        return new SimSocket(nextId++, label, family, uid);
    }

    /** An accepted child takes its name (replacing a closed socket of that name). */
    void adopt(SimSocket s) {
        open.put(s.name(), s);
    }

    Optional<SimSocket> find(String name) {
        return Optional.ofNullable(open.get(name));
    }

    void closed(SimSocket s) {
        notePort(s);
        open.remove(s.name(), s);
    }

    void notePort(SimSocket s) {
        if (s.port() != 0) {
            lastPort.put(s.name(), s.port());
        }
    }

    /** The port {@code $name} stands for: the open socket's port, else the port it had when closed. */
    OptionalInt portOf(String name) {
        SimSocket s = open.get(name);
        if (s != null && s.port() != 0) {
            return OptionalInt.of(s.port());
        }
        Integer p = lastPort.get(name);
        return p == null ? OptionalInt.empty() : OptionalInt.of(p);
    }

    /** Open sockets in creation order. */
    Collection<SimSocket> all() {
        return open.values();
    }
}
