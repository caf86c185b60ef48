package org.reuselab.core.scenario;

import java.util.List;
import java.util.Optional;
import org.reuselab.core.scenario.json.JsonValue;
import org.reuselab.core.scenario.json.JsonValue.JsonArray;
import org.reuselab.core.scenario.json.JsonValue.JsonNumber;
import org.reuselab.core.scenario.json.JsonValue.JsonObject;
import org.reuselab.core.scenario.json.JsonValue.JsonString;

/** {@code "port"} checks: {@code 40001}, {@code "$s1"}, or {@code {"in": [lo, hi], "parity": "odd", "not": "$s1"}}. */
final class PortMatcherReader {

    private static final String FORMS = "a port check is a number (40001), \"$s1\" (the port of s1), or"
            + " {\"in\": [32768, 60999], \"parity\": \"odd\", \"not\": \"$s1\"}";

    private final Problems problems;
    private final NameFlow names;

    PortMatcherReader(Problems problems, NameFlow names) {
        this.problems = problems;
        this.names = names;
    }

    Optional<PortMatcher> read(JsonValue v) {
        if (v instanceof JsonObject o) {
            return object(o);
        }
        return port(v, "\"port\"").map(p -> new PortMatcher(Optional.of(p), Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    /** A single port: a number or {@code $name}. */
    private Optional<PortSpec> port(JsonValue v, String label) {
        if (v instanceof JsonNumber) {
            return Values.integer(v, label, 0, 65535, problems).map(PortSpec.Literal::new);
        }
        if (v instanceof JsonString s && s.value().startsWith("$") && Names.referable(s.value().substring(1))) {
            PortSpec.SocketPort sp = new PortSpec.SocketPort(s.value().substring(1));
            names.portUse(sp, v.pos());
            return Optional.of(sp);
        }
        String hint = v instanceof JsonString s && s.value().matches("\\d+")
                ? "write the number without quotes: " + s.value() : FORMS;
        problems.error(v.pos(), label + " must be a port number or \"$socket\", got " + v.describe(), hint);
        return Optional.empty();
    }

    private Optional<PortMatcher> object(JsonObject o) {
        Fields f = Fields.of(o, "a port check", List.of("in", "parity", "not"), Optional.empty(), problems);
        if (o.members().isEmpty()) {
            problems.error(o.pos(), "an empty port check {} checks nothing", FORMS);
            return Optional.empty();
        }
        Optional<Optional<PortSpec.Range>> in = f.optional("in", this::range);
        Optional<Optional<PortMatcher.Parity>> parity = f.optional("parity", this::parity);
        Optional<Optional<PortSpec>> not = f.optional("not", v -> port(v, "\"not\""));
        return StepCtx.present(in, parity, not)
                ? Optional.of(new PortMatcher(Optional.empty(), in.get(), parity.get(), not.get())) : Optional.empty();
    }

    private Optional<PortSpec.Range> range(JsonValue v) {
        if (!(v instanceof JsonArray a) || a.items().size() != 2) {
            problems.error(v.pos(), "\"in\" must be [low, high], got " + v.describe(), "write e.g. [32768, 60999]");
            return Optional.empty();
        }
        Optional<Integer> low = Values.integer(a.items().get(0), "the low port", 1, 65535, problems);
        Optional<Integer> high = Values.integer(a.items().get(1), "the high port", 1, 65535, problems);
        if (low.isPresent() && high.isPresent() && low.get() > high.get()) {
            problems.error(v.pos(), "\"in\" is empty: " + low.get() + " is above " + high.get(), "write [low, high]");
            return Optional.empty();
        }
        return StepCtx.present(low, high) ? Optional.of(new PortSpec.Range(low.get(), high.get())) : Optional.empty();
    }

    private Optional<PortMatcher.Parity> parity(JsonValue v) {
        Optional<String> s = Values.string(v, "\"parity\"", problems);
        if (s.isPresent() && !s.get().equals("odd") && !s.get().equals("even")) {
            problems.error(v.pos(), "\"parity\" must be \"odd\" or \"even\", got \"" + s.get() + "\"");
            return Optional.empty();
        }
        return s.map(w -> w.equals("odd") ? PortMatcher.Parity.ODD : PortMatcher.Parity.EVEN);
    }
}
