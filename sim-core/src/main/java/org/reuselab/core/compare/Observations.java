package org.reuselab.core.compare;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.trace.Event;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.Trace;
import org.reuselab.core.trace.TraceEntry;

/**
 * What a real kernel drew in a run, read off its trace: the local ports each step ended with
 * (candidates for the step's port searches), the listener each flow reached per step, the
 * listener that finally accepted each peer, and every listener's acceptances in order (for
 * migrations: a child's place in its acceptor's sequence tells when it joined that queue).
 */
public final class Observations {

    private final Map<Integer, List<Integer>> ports = new HashMap<>();
    private final Map<Integer, Map<Endpoint, String>> listeners = new TreeMap<>();
    private final Map<Endpoint, String> acceptedBy = new HashMap<>();
    /** Sockets whose failed call may have drawn a port that only a later call shows. */
    private final Map<String, Drawn> drawnUnseen = new HashMap<>();

    /**
     * A failed call's step, and whether the socket kept the port (a listen() refused after its
     * autobind; a failed connect() releases its port, so only an info shows it then).
     */
    private record Drawn(int step, boolean kept) {
    }
    /** Per socket name, the children accepted from it in trace order. */
    private final Map<String, List<Acceptance>> acceptances = new HashMap<>();
    /** Per socket name, the steps that made a new socket of that name (socket()). */
    private final Map<String, List<Integer>> created = new HashMap<>();
    /** Per socket name, the steps that stopped it listening if it did: close(), shutdown() with SHUT_RD. */
    private final Map<String, List<Integer>> stops = new HashMap<>();
    /** Per peer, where and when the kernel accepted its connection, in trace order. */
    private final Map<Endpoint, List<Acceptance>> acceptancesOf = new HashMap<>();

    /** A child accepted from a listener (by accept, accept_all or a serving loop) in a step. */
    public record Acceptance(int step, String listener, Endpoint peer) {
    }

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
            case Outcome.Ok ok -> {
                ok.local().ifPresent(l -> stepPorts.add(l.port()));
                noteCall(e);
            }
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
                a.children().forEach(ch -> accepted(e.step(), listener, ch.peer()));
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
                accepted(e.step(), s.listener(), s.peer());
                stepListeners.putIfAbsent(s.peer(), s.listener());
            }
        }
    }

    /**
     * A connect() that fails (refused, timed out) or a listen() that fails after its autobind (a
     * build that refuses to listen after connect()) drew a port without showing it: the socket's
     * next info shows it, and after such a listen() also its next connect() or listen(), which use
     * the port it holds. Calls that show no port (a refused bind()) leave the question open. A port shown there is only a candidate: the model's
     * listen() uses it only if it draws a port at all.
     */
    private void readLater(TraceEntry e) {
        String[] words = e.call().split(" ");
        if (words.length < 2) {
            return;
        }
        String op = words[0];
        String sock = words[1];
        Drawn drawn = drawnUnseen.get(sock);
        Optional<Integer> shown = localPort(e.outcome());
        if (drawn != null && (shown.isPresent() || op.equals("close") || op.equals("socket"))) {
            // The first call that shows the socket's port (or ends the socket) settles it.
            drawnUnseen.remove(sock);
            if (op.equals("info") || drawn.kept() && (op.equals("connect") || op.equals("listen"))) {
                shown.ifPresent(p -> ports.computeIfAbsent(drawn.step(), k -> new ArrayList<>()).add(p));
            }
        }
        if ((op.equals("listen") || op.equals("connect")) && e.outcome() instanceof Outcome.Failed) {
            drawnUnseen.put(sock, new Drawn(e.step(), op.equals("listen")));
        }
        if (op.equals("connect") && e.outcome() instanceof Outcome.Connections cs) {
            // A counted connect(): each socket that failed (timed out, refused) drew a port unseen.
            for (Outcome.Conn c : cs.conns()) {
                if (c.local().isEmpty()) {
                    drawnUnseen.put(c.who(), new Drawn(e.step(), false));
                }
            }
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

    private void accepted(int step, String listener, Endpoint peer) {
        acceptedBy.putIfAbsent(peer, listener);
        Acceptance a = new Acceptance(step, listener, peer);
        acceptances.computeIfAbsent(listener, k -> new ArrayList<>()).add(a);
        acceptancesOf.computeIfAbsent(peer, k -> new ArrayList<>()).add(a);
    }

    /**
     * A socket() step starts a new socket under its name (its children are counted anew); a
     * close() or a shutdown() that stops receiving ends a listener's listening. Both hosts write
     * the call alike (CallText), e.g. {@code shutdown L1 rdwr}.
     */
    private void noteCall(TraceEntry e) {
        String[] words = e.call().split(" ");
        if (words.length < 2) {
            return;
        }
        boolean stop = words[0].equals("close")
                || (words[0].equals("shutdown") && words.length > 2 && words[2].startsWith("rd"));
        if (words[0].equals("socket")) {
            created.computeIfAbsent(words[1], k -> new ArrayList<>()).add(e.step());
        } else if (stop) {
            stops.computeIfAbsent(words[1], k -> new ArrayList<>()).add(e.step());
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

    /** The first listener that queued the flow from {@code remote} in this step or a later one. */
    public Optional<String> queuedFrom(int step, Endpoint remote) {
        for (Map.Entry<Integer, Map<Endpoint, String>> e : listeners.entrySet()) {
            if (e.getKey() >= step && e.getValue().containsKey(remote)) {
                return Optional.of(e.getValue().get(remote));
            }
        }
        return Optional.empty();
    }

    /**
     * Where the child from {@code remote} stands among the children the socket called
     * {@code listener} at {@code step} accepted in its life (0 for its first), if that socket
     * accepted it at this step or later.
     */
    public OptionalInt acceptOrdinal(String listener, int step, Endpoint remote) {
        List<Integer> births = created.getOrDefault(listener, List.of());
        int born = births.stream().filter(b -> b <= step).reduce((a, b) -> b).orElse(Integer.MIN_VALUE);
        int dies = births.stream().filter(b -> b > step).findFirst().orElse(Integer.MAX_VALUE);
        int ordinal = 0;
        for (Acceptance a : acceptances.getOrDefault(listener, List.of())) {
            if (a.step() < born || a.step() >= dies) {
                continue;
            }
            if (a.step() >= step && a.peer().equals(remote)) {
                return OptionalInt.of(ordinal);
            }
            ordinal++;
        }
        return OptionalInt.empty();
    }

    /** The first time the kernel accepted the connection from {@code remote} in this step or later. */
    public Optional<Acceptance> acceptanceOf(Endpoint remote, int step) {
        return acceptancesOf.getOrDefault(remote, List.of()).stream().filter(a -> a.step() >= step).findFirst();
    }

    /** The first step after {@code after} that closed the socket called {@code name} or shut it for reading. */
    public OptionalInt nextStop(String name, int after) {
        return stops.getOrDefault(name, List.of()).stream().mapToInt(Integer::intValue).filter(t -> t > after)
                .findFirst();
    }

    /** How many children the listener called {@code name} accepted from step {@code from} to before {@code until}. */
    public long acceptsBetween(String name, int from, int until) {
        return acceptances.getOrDefault(name, List.of()).stream().filter(a -> a.step() >= from && a.step() < until)
                .count();
    }

    /** The listener that accepted the connection from {@code remote} in the end. */
    public Optional<String> acceptedBy(Endpoint remote) {
        return Optional.ofNullable(acceptedBy.get(remote));
    }
}
