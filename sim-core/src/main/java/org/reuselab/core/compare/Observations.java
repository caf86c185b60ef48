package org.reuselab.core.compare;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.trace.Event;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.Trace;
import org.reuselab.core.trace.TraceEntry;

/**
 * What a real kernel drew in a run, read off its trace: the local ports each step ended with
 * (candidates for the step's port searches), the listener each flow reached per step, and the
 * listener that finally accepted each peer (for migrations).
 */
public final class Observations {

    private final Map<Integer, List<Integer>> ports = new HashMap<>();
    private final Map<Integer, Map<Endpoint, String>> listeners = new HashMap<>();
    private final Map<Endpoint, String> acceptedBy = new HashMap<>();

    public static Observations of(Trace real) {
        Observations o = new Observations();
        for (TraceEntry e : real.entries()) {
            o.read(e);
        }
        return o;
    }

    private void read(TraceEntry e) {
        List<Integer> stepPorts = ports.computeIfAbsent(e.step(), k -> new ArrayList<>());
        Map<Endpoint, String> stepListeners = listeners.computeIfAbsent(e.step(), k -> new HashMap<>());
        switch (e.outcome()) {
            case Outcome.Ok ok -> ok.local().ifPresent(l -> stepPorts.add(l.port()));
            case Outcome.Connections cs -> {
                for (Outcome.Conn c : cs.conns()) {
                    c.local().ifPresent(l -> stepPorts.add(l.port()));
                    Optional<Endpoint> remote = c.local().or(() -> parse(c.who()));
                    if (remote.isPresent() && c.listener().isPresent()) {
                        stepListeners.put(remote.get(), c.listener().get());
                    }
                }
            }
            case Outcome.Accepted a -> {
                String listener = e.call().split(" ")[1];
                a.children().forEach(ch -> acceptedBy.putIfAbsent(ch.peer(), listener));
            }
            case Outcome.Failed f -> { }
            case Outcome.Tally t -> { }
            case Outcome.Value v -> { }
            case Outcome.Info i -> { }
            case Outcome.Dump d -> { }
            case Outcome.Replies r -> { }
            case Outcome.NotModelled n -> { }
        }
        for (Event ev : e.events()) {
            if (ev instanceof Event.Served s) {
                acceptedBy.putIfAbsent(s.peer(), s.listener());
                stepListeners.putIfAbsent(s.peer(), s.listener());
            }
        }
    }

    private static Optional<Endpoint> parse(String who) {
        try {
            return Optional.of(Endpoint.parse(who));
        } catch (IllegalArgumentException notAnEndpoint) {
            return Optional.empty();
        }
    }

    /** The ports the real kernel ended a step with, in order. */
    public Deque<Integer> ports(int step) {
        return new ArrayDeque<>(ports.getOrDefault(step, List.of()));
    }

    /** The listener the flow from {@code remote} reached in this step, if the real trace says. */
    public Optional<String> listener(int step, Endpoint remote) {
        return Optional.ofNullable(listeners.getOrDefault(step, Map.of()).get(remote));
    }

    /** The listener that accepted the connection from {@code remote} in the end. */
    public Optional<String> acceptedBy(Endpoint remote) {
        return Optional.ofNullable(acceptedBy.get(remote));
    }
}
