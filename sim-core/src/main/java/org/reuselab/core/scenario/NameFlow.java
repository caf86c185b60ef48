package org.reuselab.core.scenario;

import java.util.ArrayList;
import java.util.List;
import org.reuselab.core.scenario.json.SourcePos;

/**
 * What the steps do with socket names, in the order it happens. Step readers record it while they
 * read; {@link NameChecker} then replays it to find names used before they exist. Recording
 * instead of checking at once keeps the per-op readers free of this bookkeeping.
 */
final class NameFlow {

    /** One thing a step does with a name. */
    sealed interface Event {
    }

    /** The step refers to an existing socket. */
    record Use(String name, SourcePos pos) implements Event {
    }

    /** {@code $name}: the step needs the local port of an existing socket. */
    record PortUse(String name, SourcePos pos) implements Event {
    }

    /** A socket step: a new socket by that name, without a port yet. */
    record Create(String name) implements Event {
    }

    /** The name now stands for a socket that has a local port (connect, accept "as"). */
    record DefineWithPort(String name) implements Event {
    }

    /** The socket gets a local port (bind, listen). */
    record GivePort(String name) implements Event {
    }

    private final List<Event> events = new ArrayList<>();

    void use(String name, SourcePos pos) {
        events.add(new Use(name, pos));
    }

    void portUse(PortSpec port, SourcePos pos) {
        if (port instanceof PortSpec.SocketPort sp) {
            events.add(new PortUse(sp.socket(), pos));
        }
    }

    void portUse(AddrSpec addr, SourcePos pos) {
        portUse(addr.port(), pos);
    }

    void create(String name) {
        events.add(new Create(name));
    }

    void defineWithPort(String name) {
        events.add(new DefineWithPort(name));
    }

    void givePort(String name) {
        events.add(new GivePort(name));
    }

    List<Event> events() {
        return List.copyOf(events);
    }
}
