package org.reuselab.core.host;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.scenario.ScenarioReader;

/**
 * Random scenarios over a tiny domain, so that collisions are common: five socket names (and three client names for connect), the
 * addresses 127.0.0.1, 127.0.0.2, 0.0.0.0, [::], [::1] and [::ffff:127.0.0.1], the ports 5000,
 * 5001 and 0, the uids 0, 1000 and 1001, and the flags SO_REUSEADDR, SO_REUSEPORT and
 * IPV6_V6ONLY. Scenarios are written as JSON text and read back through {@link ScenarioReader},
 * which the generated text must always satisfy.
 */
final class GenScenarios {

    static final ScenarioReader READER = new ScenarioReader(Set.copyOf(KernelProfiles.names()));
    static final String[] V4_ADDRS = {"127.0.0.1", "127.0.0.2", "0.0.0.0"};
    static final String[] V6_ADDRS = {"[::]", "[::1]", "[::ffff:127.0.0.1]"};
    static final int[] PORTS = {5000, 5001, 0};
    static final int[] UIDS = {0, 1000, 1001};
    static final String[] OPTS = {"SO_REUSEADDR", "SO_REUSEPORT", "IPV6_V6ONLY"};
    static final String[] CONNECT_TO = {"127.0.0.1:5000", "127.0.0.1:5001", "127.0.0.2:5000", "[::1]:5000"};
    static final int SLOTS = 5;
    static final int CLIENT_NAMES = 3;

    /** What a generated scenario may contain. */
    enum Mode {
        /** socket, setsockopt, bind, listen, close, dump. */
        BIND,
        /** as BIND, but no setsockopt on a socket once it has tried to bind or listen. */
        NO_OPTION_AFTER_BIND,
        /** as BIND, plus local connect() and accept(). */
        CLIENTS
    }

    /** One abstract step: {@code kind} picks the op, the other numbers its arguments. */
    record Action(int kind, int slot, int a, int b, int c) {
    }

    /** A generated scenario: its JSON text and the scenario read from it. */
    record Generated(String json, Scenario scenario) {
        @Override
        public String toString() {
            return json;
        }
    }

    private GenScenarios() {
    }

    static Arbitrary<Generated> scenarios(Mode mode) {
        return scenarios(mode, Arbitraries.of(KernelProfiles.names()));
    }

    static Arbitrary<Generated> scenarios(Mode mode, Arbitrary<String> profiles) {
        Arbitrary<Integer> kind = mode == Mode.CLIENTS
                ? Arbitraries.frequency(Tuple.of(2, 0), Tuple.of(1, 1), Tuple.of(5, 2), Tuple.of(3, 3), Tuple.of(1, 4),
                        Tuple.of(1, 5), Tuple.of(4, 6), Tuple.of(2, 7))
                : Arbitraries.frequency(Tuple.of(2, 0), Tuple.of(2, 1), Tuple.of(6, 2), Tuple.of(3, 3), Tuple.of(1, 4),
                        Tuple.of(1, 5));
        Arbitrary<Action> action = Combinators.combine(kind,
                Arbitraries.integers().between(0, SLOTS - 1), Arbitraries.integers().between(0, 63),
                Arbitraries.integers().between(0, 63), Arbitraries.integers().between(0, 63)).as(Action::new);
        Arbitrary<List<Action>> actions = action.list().ofMinSize(8).ofMaxSize(30);
        return Combinators.combine(actions, profiles, Arbitraries.longs().between(1, 1_000_000))
                .as((acts, profile, seed) -> render(mode, acts, profile, seed));
    }

    static Generated render(Mode mode, List<Action> actions, String profile, long seed) {
        List<String> steps = new ArrayList<>();
        boolean[] open = new boolean[SLOTS];
        boolean[] v6 = new boolean[SLOTS];
        BitSet triedBind = new BitSet();
        BitSet clientOpen = new BitSet();
        for (Action act : actions) {
            String sock = "s" + act.slot();
            boolean needsOpen = act.kind() != 0 && act.kind() != 5 && act.kind() != 6;
            if (needsOpen && !open[act.slot()]) {
                steps.add(socket(act, v6));
                open[act.slot()] = true;
                triedBind.clear(act.slot());
                if (act.kind() == 4) {
                    continue;
                }
            }
            switch (act.kind()) {
                case 0 -> {
                    if (open[act.slot()]) {
                        steps.add(step("close", sock, ""));
                    }
                    steps.add(socket(act, v6));
                    open[act.slot()] = true;
                    triedBind.clear(act.slot());
                }
                case 1 -> {
                    if (mode != Mode.NO_OPTION_AFTER_BIND || !triedBind.get(act.slot())) {
                        steps.add(step("setsockopt", sock, ", \"opt\": \"" + OPTS[act.a() % 3] + "\", \"value\": "
                                + act.b() % 2));
                    }
                }
                case 2 -> {
                    steps.add(step("bind", sock, ", \"addr\": \"" + addr(act, v6[act.slot()]) + ":"
                            + PORTS[act.b() % 3] + "\""));
                    triedBind.set(act.slot());
                }
                case 3 -> {
                    steps.add(step("listen", sock, ", \"backlog\": " + backlog(act.slot())));
                    triedBind.set(act.slot());
                }
                case 4 -> {
                    steps.add(step("close", sock, ""));
                    open[act.slot()] = false;
                }
                case 5 -> steps.add("{\"op\": \"dump\"}");
                case 6 -> {
                    String client = "c" + act.slot() % CLIENT_NAMES;
                    if (clientOpen.get(act.slot() % CLIENT_NAMES)) {
                        steps.add(step("close", client, ""));
                    }
                    steps.add(step("connect", client, ", \"to\": \"" + CONNECT_TO[act.a() % CONNECT_TO.length]
                            + "\""));
                    clientOpen.set(act.slot() % CLIENT_NAMES);
                }
                default -> steps.add(step("accept", sock, ""));
            }
        }
        String json = "{\n  \"kernel\": \"" + profile + "\",\n  \"seed\": " + seed + ",\n  \"steps\": [\n    "
                + String.join(",\n    ", steps) + "\n  ]\n}\n";
        try {
            return new Generated(json, READER.read("gen.json", json));
        } catch (ScenarioException e) {
            throw new AssertionError("the generator wrote an invalid scenario:\n" + e.format() + json, e);
        }
    }

    /** The listen backlog of a slot: fixed per slot, so an accept queue's bound never moves. */
    static int backlog(int slot) {
        return 1 + slot % 2;
    }

    private static String socket(Action act, boolean[] v6) {
        boolean ipv6 = act.a() % 2 == 1;
        v6[act.slot()] = ipv6;
        List<String> opts = new ArrayList<>();
        for (int i = 0; i < (ipv6 ? 3 : 2); i++) {
            if ((act.b() >> i & 1) == 1) {
                opts.add("\"" + OPTS[i] + "\": " + (act.c() >> (2 + i) & 1));
            }
        }
        return "{\"op\": \"socket\", \"sock\": \"s" + act.slot() + "\", \"family\": \"" + (ipv6 ? "ipv6" : "ipv4")
                + "\", \"uid\": " + UIDS[act.c() % 3] + ", \"opts\": {" + String.join(", ", opts) + "}}";
    }

    /** Mostly an address of the socket's family; one time in eight one of the other family. */
    private static String addr(Action act, boolean ipv6) {
        boolean cross = act.c() % 8 == 7;
        String[] list = ipv6 != cross ? V6_ADDRS : V4_ADDRS;
        return list[act.a() % 3];
    }

    private static String step(String op, String sock, String rest) {
        return "{\"op\": \"" + op + "\", \"sock\": \"" + sock + "\"" + rest + "}";
    }
}
