package org.reuselab.core.scenario;

import java.util.Optional;
import org.reuselab.core.scenario.json.JsonValue;
import org.reuselab.core.text.Suggest;

/**
 * One step being read: its fields, where errors go and where name use is recorded, plus the
 * field readers shared by several ops (socket names, addresses).
 */
record StepCtx(OpSpec spec, Fields fields, Problems problems, NameFlow names) {

    /** A step that needs only its meta to be built, once its fields have been read. */
    @FunctionalInterface
    interface Pending {
        Step with(StepMeta meta);
    }

    /** {@code sock} naming an existing socket (or an accepted child {@code l.n}). */
    Optional<String> existingSock() {
        Optional<String> name = fields.reqString("sock").filter(n -> spelled(n, Names.referable(n), "sock"));
        name.ifPresent(n -> names.use(n, fields.opt("sock").orElseThrow().pos()));
        return name;
    }

    /** A name the step defines ({@code socket}'s or {@code connect}'s sock, {@code accept}'s as). */
    Optional<String> newName(String key, boolean required) {
        Optional<String> name = required ? fields.reqString(key) : fields.optString(key);
        return name.filter(n -> spelled(n, Names.definable(n), key));
    }

    private boolean spelled(String name, boolean ok, String key) {
        if (!ok) {
            problems.error(fields.opt(key).orElseThrow().pos(), "bad socket name \"" + name + "\"",
                    key.equals("sock") && !spec.op().equals("socket") ? Names.CHILD_SPELLING : Names.SPELLING);
        }
        return ok;
    }

    /** A required address; {@code $name} ports are recorded as uses of that socket's port. */
    Optional<AddrSpec> addr(String key, boolean rangeAllowed) {
        return fields.req(key).flatMap(v -> addrValue(v, Values.quote(key), rangeAllowed, problems, names));
    }

    static Optional<AddrSpec> addrValue(JsonValue v, String label, boolean rangeAllowed, Problems p, NameFlow names) {
        Optional<String> text = Values.string(v, label, p);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        AddrText.Parsed parsed = AddrText.parse(text.get(), rangeAllowed);
        if (parsed.addr().isEmpty()) {
            p.error(v.pos(), parsed.message(), parsed.hint());
        }
        parsed.addr().ifPresent(a -> names.portUse(a, v.pos()));
        return parsed.addr();
    }

    /** A choice among fixed words, e.g. {@code how}: "rd", "wr" or "rdwr". */
    Optional<String> word(JsonValue v, String key, java.util.List<String> words) {
        Optional<String> s = Values.string(v, Values.quote(key), problems);
        if (s.isPresent() && !words.contains(s.get())) {
            problems.error(v.pos(), Values.quote(key) + " must be one of " + String.join(", ", words.stream()
                    .map(Values::quote).toList()) + ", got \"" + s.get() + "\"",
                    Suggest.closest(s.get(), words).map(c -> "did you mean \"" + c + "\"?"));
            return Optional.empty();
        }
        return s;
    }

    static boolean present(Optional<?>... values) {
        for (Optional<?> v : values) {
            if (v.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
