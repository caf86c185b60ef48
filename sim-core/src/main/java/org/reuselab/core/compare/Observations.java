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
    /** Sockets whose failed listen() may have drawn a port that only a later info shows: name to step. */
    private final Map<String, Integer> drawnUnseen = new HashMap<>();

    public static Observations of(Trace real) {
        Observations o = new Observations();
        for (TraceEntry e : real.entries()) {
            o.read(e);
        }
        return o;
    }

    private void read(TraceEntry e) {
        readLater(e);
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

    /**
     * A connect() that fails (refused, timed out) or a listen() that fails after its autobind (a
     * build that refuses to listen after connect()) drew a port without showing it: the socket's next call shows it (an info, or a
     * connect() from the port it holds). A port shown there is only a candidate: the model's
     * listen() uses it only if it draws a port at all.
     */
    private void readLater(TraceEntry e) {
        String[] words = e.call().split(" ");
        if (words.length < 2) {
            return;
        }
        String op = words[0];
        String sock = words[1];
        Integer drawnAt = drawnUnseen.remove(sock);
        if (drawnAt != null) {
            localPort(e.outcome()).ifPresent(p -> ports.computeIfAbsent(drawnAt, k -> new ArrayList<>()).add(p));
        }
        if ((op.equals("listen") || op.equals("connect")) && e.outcome() instanceof Outcome.Failed) {
            drawnUnseen.put(sock, e.step());
        }
    }

    private static Optional<Integer> localPort(Outcome o) {
        return switch (o) {
            case Outcome.Info i -> Optional.of(i.local().port());
            case Outcome.Ok ok -> ok.local().map(Endpoint::port);
            case Outcome.Connections cs -> cs.conns().size() == 1 ? cs.conns().getFirst().local().map(Endpoint::port)
                    : Optional.empty();
            case Outcome.Accepted a -> Optional.empty();
            case Outcome.Failed f -> Optional.empty();
            case Outcome.Tally t -> Optional.empty();
            case Outcome.Value v -> Optional.empty();
            case Outcome.Dump d -> Optional.empty();
            case Outcome.Replies r -> Optional.empty();
            case Outcome.NotModelled n -> Optional.empty();
        };
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
