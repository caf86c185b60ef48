package org.reuselab.core.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.reuselab.core.scenario.NameFlow.Create;
import org.reuselab.core.scenario.NameFlow.DefineWithPort;
import org.reuselab.core.scenario.NameFlow.Event;
import org.reuselab.core.scenario.NameFlow.GivePort;
import org.reuselab.core.scenario.NameFlow.PortUse;
import org.reuselab.core.scenario.NameFlow.Use;
import org.reuselab.core.scenario.json.SourcePos;
import org.reuselab.core.text.Suggest;

/**
 * Replays a {@link NameFlow}: a name must be defined before it is used, and {@code $name} needs a
 * socket that has had a port. Names stay defined after close (using a closed socket is a runtime
 * result, EBADF, not an error in the file); children {@code l.n} exist once {@code l} does.
 */
final class NameChecker {

    private static final int LISTED = 10;

    private final Set<String> defined = new LinkedHashSet<>(); // insertion order for the hints
    private final Set<String> ported = new LinkedHashSet<>();
    private final Problems problems;

    private NameChecker(Problems problems) {
        this.problems = problems;
    }

    static void check(NameFlow flow, Problems problems) {
        NameChecker c = new NameChecker(problems);
        flow.events().forEach(c::apply);
    }

    private void apply(Event e) {
        switch (e) {
            case Use u -> {
                if (!isDefined(u.name())) {
                    undefined(u.name(), u.pos(), "no socket named \"" + u.name() + "\" exists at this step");
                }
            }
            case PortUse u -> portUse(u);
            case Create c -> {
                defined.add(c.name());
                ported.remove(c.name()); // a new socket has no port until it is bound
            }
            case DefineWithPort d -> {
                defined.add(d.name());
                ported.add(d.name());
            }
            case GivePort g -> ported.add(g.name());
        }
    }

    private void portUse(PortUse u) {
        String ref = "\"$" + u.name() + "\"";
        if (!isDefined(u.name())) {
            undefined(u.name(), u.pos(),
                    ref + " refers to no socket: \"" + u.name() + "\" does not exist at this step");
        } else if (!hasPort(u.name())) {
            problems.error(u.pos(), "socket \"" + u.name() + "\" has no local port yet, so " + ref + " has no value",
                    "a socket gets its port from a bind, listen or connect step naming it, or by being accepted;"
                            + " bind \"" + u.name() + "\" first or write a port number");
        }
    }

    private boolean isDefined(String name) {
        return defined.contains(name) || Names.listenerOf(name).filter(defined::contains).isPresent();
    }

    /** Accepted children ({@code l.n}) always have a port. */
    private boolean hasPort(String name) {
        return ported.contains(name) || Names.listenerOf(name).filter(defined::contains).isPresent();
    }

    private void undefined(String name, SourcePos pos, String message) {
        String how = "a name is made by an earlier socket step, a connect (count N makes NAME1..NAMEN)"
                + " or an accept with \"as\"";
        if (defined.isEmpty()) {
            problems.error(pos, message, how + "; no socket exists yet");
            return;
        }
        List<String> names = new ArrayList<>(defined);
        String known = String.join(", ", names.subList(0, Math.min(LISTED, names.size())))
                + (names.size() > LISTED ? ", ..." : "");
        String mean = Suggest.closest(name, names).map(c -> "did you mean \"" + c + "\"? ").orElse("");
        problems.error(pos, message, mean + "sockets so far: " + known);
    }
}
