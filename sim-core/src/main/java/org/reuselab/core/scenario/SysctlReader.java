package org.reuselab.core.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.kernel.SysctlKey;
import org.reuselab.core.scenario.json.JsonValue.JsonNumber;
import org.reuselab.core.scenario.json.JsonValue.JsonString;
import org.reuselab.core.scenario.json.JsonValue.Member;
import org.reuselab.core.scenario.json.JsonValue;
import org.reuselab.core.scenario.json.SourcePos;
import org.reuselab.core.text.Suggest;

/** Sysctls by their {@code sysctl -a} names, with values checked against {@link SysctlKey.Shape}. */
final class SysctlReader {

    static final List<String> NAMES = Arrays.stream(SysctlKey.values()).map(SysctlKey::sysctlName).toList();

    private static final String INT = "-?\\d+";
    private static final String PORT_ITEM = "\\d+(-\\d+)?";

    private SysctlReader() {
    }

    /** The top-level {@code sysctl} object, in the order written. */
    static List<SysctlSetting> all(JsonValue v, Problems p) {
        List<SysctlSetting> out = new ArrayList<>();
        Values.object(v, "\"sysctl\"", p).ifPresent(obj -> {
            for (Member m : obj.members()) {
                key(m.key(), m.keyPos(), p).flatMap(k -> value(k, m.value(), p)).ifPresent(out::add);
            }
        });
        return out;
    }

    static Optional<SysctlKey> key(String name, SourcePos pos, Problems p) {
        Optional<SysctlKey> k = SysctlKey.byName(name);
        if (k.isEmpty()) {
            p.error(pos, "unknown sysctl \"" + name + "\"", Suggest.hint(name, NAMES, "known sysctls"));
        }
        return k;
    }

    /** The value as {@code sysctl -w} takes it; numbers become their decimal text. */
    static Optional<SysctlSetting> value(SysctlKey key, JsonValue v, Problems p) {
        String text = switch (v) {
            case JsonString s -> s.value();
            case JsonNumber n when n.integral() -> n.text();
            default -> null;
        };
        if (text != null && fits(key.shape(), text, v instanceof JsonNumber)) {
            return Optional.of(new SysctlSetting(key.sysctlName(), text, v.pos()));
        }
        p.error(v.pos(), key.sysctlName() + " takes " + shape(key.shape()) + ", got " + v.describe(),
                "write e.g. " + example(key));
        return Optional.empty();
    }

    private static boolean fits(SysctlKey.Shape shape, String text, boolean isNumber) {
        String t = text.trim();
        return switch (shape) {
            case INT -> t.matches(INT);
            case PAIR -> !isNumber && t.matches(INT + "\\s+" + INT);
            case PORT_LIST -> t.isEmpty() || t.matches(PORT_ITEM + "(," + PORT_ITEM + ")*");
        };
    }

    private static String shape(SysctlKey.Shape shape) {
        return switch (shape) {
            case INT -> "one integer";
            case PAIR -> "two integers in one string";
            case PORT_LIST -> "a comma-separated list of ports and port ranges (or \"\")";
        };
    }

    private static String example(SysctlKey key) {
        return switch (key.shape()) {
            case INT -> key.defaultValue();
            case PAIR -> "\"" + key.defaultValue() + "\"";
            case PORT_LIST -> "\"40021,40030-40032\"";
        };
    }
}
