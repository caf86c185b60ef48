package org.reuselab.core.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.scenario.json.JsonValue.JsonArray;
import org.reuselab.core.scenario.json.JsonValue.JsonNumber;
import org.reuselab.core.scenario.json.JsonValue.JsonObject;
import org.reuselab.core.scenario.json.JsonValue.JsonString;
import org.reuselab.core.scenario.json.JsonValue.Member;
import org.reuselab.core.scenario.json.JsonValue;
import org.reuselab.core.scenario.json.SourcePos;
import org.reuselab.core.text.Suggest;

/** Socket options: their names, and a value of the shape each option takes. */
final class OptionReader {

    static final List<String> NAMES = Arrays.stream(SockOpt.values()).map(SockOpt::name).toList();

    private OptionReader() {
    }

    /** The {@code opts} object of a socket step, in the order written. */
    static List<OptionSetting> opts(JsonValue v, Problems p) {
        List<OptionSetting> out = new ArrayList<>();
        Values.object(v, "\"opts\"", p).ifPresent(obj -> {
            for (Member m : obj.members()) {
                Optional<SockOpt> opt = name(m.key(), m.keyPos(), p);
                opt.flatMap(o -> value(o, m.value(), p))
                        .ifPresent(val -> out.add(new OptionSetting(opt.get(), val, m.value().pos())));
            }
        });
        return out;
    }

    static Optional<SockOpt> name(String name, SourcePos pos, Problems p) {
        Optional<SockOpt> o = SockOpt.byName(name);
        if (o.isEmpty()) {
            p.error(pos, "unknown socket option \"" + name + "\"", Suggest.hint(name, NAMES, "known options"));
        }
        return o;
    }

    static Optional<OptValue> value(SockOpt opt, JsonValue v, Problems p) {
        return switch (opt.kind()) {
            case FLAG -> flag(opt, v, p);
            case ZERO -> zero(opt, v, p);
            case DEVICE -> device(opt, v, p);
            case RANGE -> range(opt, v, p);
            case PROGRAM -> CbpfReader.program(opt, v, p);
        };
    }

    private static Optional<OptValue> flag(SockOpt opt, JsonValue v, Problems p) {
        if (v instanceof JsonNumber n && n.integral() && fitsInt(n)) {
            return Optional.of(new OptValue.Flag(n.bigInteger().intValueExact()));
        }
        p.error(v.pos(), opt + " takes 0 or 1, got " + v.describe(), "flags are written 1 (on) or 0 (off)");
        return Optional.empty();
    }

    private static Optional<OptValue> zero(SockOpt opt, JsonValue v, Problems p) {
        if (v instanceof JsonNumber n && n.integral() && n.bigInteger().signum() == 0) {
            return Optional.of(new OptValue.Flag(0));
        }
        p.error(v.pos(), opt + " takes the value 0, got " + v.describe());
        return Optional.empty();
    }

    private static Optional<OptValue> device(SockOpt opt, JsonValue v, Problems p) {
        if (v instanceof JsonString s) {
            return Optional.of(new OptValue.Device(s.value()));
        }
        p.error(v.pos(), opt + " takes an interface name, got " + v.describe(),
                "write e.g. \"eth0\", or \"\" to unbind");
        return Optional.empty();
    }

    private static Optional<OptValue> range(SockOpt opt, JsonValue v, Problems p) {
        if (!(v instanceof JsonArray a) || a.items().size() != 2) {
            p.error(v.pos(), opt + " takes [low, high], got " + v.describe(),
                    "write e.g. [40000, 40009]; 0 leaves that end open");
            return Optional.empty();
        }
        Optional<Integer> low = Values.integer(a.items().get(0), "the low port", 0, 65535, p);
        Optional<Integer> high = Values.integer(a.items().get(1), "the high port", 0, 65535, p);
        return low.isPresent() && high.isPresent()
                ? Optional.of(new OptValue.PortRange(low.get(), high.get())) : Optional.empty();
    }

    private static boolean fitsInt(JsonNumber n) {
        return n.bigInteger().bitLength() < 32;
    }

    /** For {@link CbpfReader}: a fixed-key object. */
    static Fields fields(JsonObject o, String what, List<String> known, String example, Problems p) {
        return Fields.of(o, what, known, Optional.of(example), p);
    }
}
