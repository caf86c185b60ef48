package org.reuselab.core.scenario;

import java.math.BigInteger;
import java.util.Optional;
import org.reuselab.core.scenario.json.JsonValue;
import org.reuselab.core.scenario.json.JsonValue.JsonArray;
import org.reuselab.core.scenario.json.JsonValue.JsonBool;
import org.reuselab.core.scenario.json.JsonValue.JsonNumber;
import org.reuselab.core.scenario.json.JsonValue.JsonObject;
import org.reuselab.core.scenario.json.JsonValue.JsonString;

/**
 * Typed access to JSON values: each method returns the value when it has the expected type (and
 * range), or reports "LABEL must be X, got Y" and returns empty.
 */
final class Values {

    private Values() {
    }

    static String quote(String key) {
        return "\"" + key + "\"";
    }

    static Optional<String> string(JsonValue v, String label, Problems p) {
        if (v instanceof JsonString s) {
            return Optional.of(s.value());
        }
        String hint = v instanceof JsonNumber n ? "put it in double quotes: \"" + n.text() + "\"" : null;
        wrongType(v, label, "a string", hint, p);
        return Optional.empty();
    }

    static Optional<Boolean> bool(JsonValue v, String label, Problems p) {
        if (v instanceof JsonBool b) {
            return Optional.of(b.value());
        }
        wrongType(v, label, "true or false", null, p);
        return Optional.empty();
    }

    static Optional<JsonObject> object(JsonValue v, String label, Problems p) {
        if (v instanceof JsonObject o) {
            return Optional.of(o);
        }
        wrongType(v, label, "an object", null, p);
        return Optional.empty();
    }

    static Optional<JsonArray> array(JsonValue v, String label, Problems p) {
        if (v instanceof JsonArray a) {
            return Optional.of(a);
        }
        wrongType(v, label, "an array", null, p);
        return Optional.empty();
    }

    /** An integer from min to max inclusive. */
    static Optional<Long> integer(JsonValue v, String label, long min, long max, Problems p) {
        if (!(v instanceof JsonNumber n) || !n.integral()) {
            String hint = v instanceof JsonString s && s.value().matches("-?\\d+")
                    ? "write the number without quotes: " + s.value() : null;
            wrongType(v, label, "an integer", hint, p);
            return Optional.empty();
        }
        BigInteger value = n.bigInteger();
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            p.error(v.pos(), label + " must be " + range(min, max) + ", got " + n.text());
            return Optional.empty();
        }
        return Optional.of(value.longValueExact());
    }

    static Optional<Integer> integer(JsonValue v, String label, int min, int max, Problems p) {
        return integer(v, label, (long) min, (long) max, p).map(Long::intValue);
    }

    static String range(long min, long max) {
        if (max == Integer.MAX_VALUE || max == Long.MAX_VALUE) {
            return "at least " + min;
        }
        return "from " + min + " to " + max;
    }

    static void wrongType(JsonValue v, String label, String expected, String hint, Problems p) {
        String message = label + " must be " + expected + ", got " + v.describe();
        p.error(v.pos(), message, Optional.ofNullable(hint));
    }
}
