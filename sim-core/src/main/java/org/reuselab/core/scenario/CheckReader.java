package org.reuselab.core.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.scenario.json.JsonValue.JsonArray;
import org.reuselab.core.scenario.json.JsonValue.Member;
import org.reuselab.core.scenario.json.JsonValue;
import org.reuselab.core.scenario.json.SourcePos;
import org.reuselab.core.text.Suggest;

/** The value of one check key in an {@code expect} object. */
final class CheckReader {

    private static final List<String> STATES = Arrays.stream(TcpState.values()).map(TcpState::name).toList();

    private final Problems problems;
    private final NameFlow names;
    private final CountReader counts;

    CheckReader(Problems problems, NameFlow names) {
        this.problems = problems;
        this.names = names;
        this.counts = new CountReader(problems);
    }

    /** One check; {@code among} is the already-read group that goes with "spread". */
    Optional<Expectation.Check> read(Member m, List<String> among) {
        JsonValue v = m.value();
        SourcePos pos = v.pos();
        String label = Values.quote(m.key());
        return switch (m.key()) {
            case "port" -> new PortMatcherReader(problems, names).read(v).map(pm -> new Expectation.PortCheck(pm, pos));
            case "peer" -> addr(v, label).map(a -> new Expectation.PeerCheck(a, pos));
            case "local" -> addr(v, label).map(a -> new Expectation.LocalCheck(a, pos));
            case "state" -> state(v).map(s -> new Expectation.StateCheck(s, pos));
            case "reply" -> reply(v).map(r -> new Expectation.ReplyCheck(r, pos));
            case "established" -> counts.read(v, label).map(c -> new Expectation.EstablishedCheck(c, pos));
            case "reset" -> counts.read(v, label).map(c -> new Expectation.ResetCheck(c, pos));
            case "count" -> counts.read(v, label).map(c -> new Expectation.CountCheck(c, pos));
            case "by" -> by(v).map(b -> new Expectation.ByCheck(b, pos));
            case "spread" -> spread(v).map(s -> new Expectation.SpreadCheck(among, pos));
            case "value" -> Values.integer(v, label, Long.MIN_VALUE, Long.MAX_VALUE, problems)
                    .map(n -> new Expectation.ValueCheck(n, pos));
            default -> throw new IllegalStateException("check key " + m.key());
        };
    }

    private Optional<AddrSpec> addr(JsonValue v, String label) {
        return StepCtx.addrValue(v, label, false, problems, names);
    }

    private Optional<String> state(JsonValue v) {
        Optional<String> s = Values.string(v, "\"state\"", problems);
        if (s.isPresent() && !STATES.contains(s.get())) {
            problems.error(v.pos(), "unknown TCP state \"" + s.get() + "\"",
                    Suggest.hint(s.get(), STATES, "TCP states"));
            return Optional.empty();
        }
        return s;
    }

    private Optional<List<String>> reply(JsonValue v) {
        Optional<JsonArray> arr = Values.array(v, "\"reply\"", problems);
        List<String> out = new ArrayList<>();
        boolean ok = arr.isPresent();
        for (JsonValue item : arr.map(JsonArray::items).orElse(List.of())) {
            Optional<String> flags = Values.string(item, "each reply", problems);
            Optional<String> bad = flags.flatMap(Flags::problem);
            bad.ifPresent(msg -> problems.error(item.pos(), msg, Flags.HINT));
            flags.filter(f -> bad.isEmpty()).ifPresent(out::add);
            ok &= flags.isPresent() && bad.isEmpty();
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private Optional<SequencedMap<String, CountRange>> by(JsonValue v) {
        return Values.object(v, "\"by\"", problems).flatMap(o -> {
            if (o.members().isEmpty()) {
                problems.error(o.pos(), "\"by\" names no listener", "write e.g. {\"s1\": 10, \"s2\": 10}");
                return Optional.empty();
            }
            SequencedMap<String, CountRange> out = new LinkedHashMap<>(); // file order
            boolean ok = true;
            for (Member m : o.members()) {
                boolean named = listener(m.key(), m.keyPos());
                Optional<CountRange> c = counts.read(m.value(), "the count of \"" + m.key() + "\"");
                c.filter(x -> named).ifPresent(x -> out.put(m.key(), x));
                ok &= named && c.isPresent();
            }
            return ok ? Optional.of(out) : Optional.empty();
        });
    }

    private Optional<String> spread(JsonValue v) {
        Optional<String> s = Values.string(v, "\"spread\"", problems);
        if (s.isPresent() && !s.get().equals("uniform")) {
            problems.error(v.pos(), "\"spread\" must be \"uniform\", got \"" + s.get() + "\"",
                    "\"uniform\" is the only spread there is; use \"by\" for exact counts");
            return Optional.empty();
        }
        return s;
    }

    /** The {@code among} list of listener names. */
    Optional<List<String>> among(Member m) {
        Optional<JsonArray> arr = Values.array(m.value(), "\"among\"", problems);
        if (arr.isPresent() && arr.get().items().isEmpty()) {
            problems.error(m.value().pos(), "\"among\" names no listener", "write e.g. [\"s1\", \"s2\"]");
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        boolean ok = arr.isPresent();
        for (JsonValue item : arr.map(JsonArray::items).orElse(List.of())) {
            Optional<String> name = Values.string(item, "each listener in \"among\"", problems)
                    .filter(n -> listener(n, item.pos()));
            name.ifPresent(out::add);
            ok &= name.isPresent();
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private boolean listener(String name, SourcePos pos) {
        if (!Names.referable(name)) {
            problems.error(pos, "bad socket name \"" + name + "\"", Names.CHILD_SPELLING);
            return false;
        }
        names.use(name, pos);
        return true;
    }
}
