package org.reuselab.core.scenario;

import java.util.List;
import java.util.Optional;
import org.reuselab.core.scenario.json.JsonValue;
import org.reuselab.core.scenario.json.JsonValue.JsonObject;

/** A count: a number, or {@code {"min": a, "max": b}} with either end optional. */
final class CountReader {

    private static final String EXAMPLE = "{\"min\": 10, \"max\": 20}";

    private final Problems problems;

    CountReader(Problems problems) {
        this.problems = problems;
    }

    Optional<CountRange> read(JsonValue v, String label) {
        if (v instanceof JsonObject o) {
            return range(o);
        }
        if (v instanceof JsonValue.JsonNumber) {
            return Values.integer(v, label, 0, Integer.MAX_VALUE, problems).map(CountRange::exactly);
        }
        problems.error(v.pos(), label + " must be a count (a number) or " + EXAMPLE + ", got " + v.describe());
        return Optional.empty();
    }

    private Optional<CountRange> range(JsonObject o) {
        Fields f = Fields.of(o, "a count range", List.of("min", "max"), Optional.of(EXAMPLE), problems);
        Optional<Integer> min = f.optInt("min", 0, Integer.MAX_VALUE, 0);
        Optional<Integer> max = f.optInt("max", 0, Integer.MAX_VALUE, Integer.MAX_VALUE);
        if (min.isEmpty() || max.isEmpty()) {
            return Optional.empty();
        }
        if (min.get() > max.get()) {
            problems.error(o.pos(), "\"min\" (" + min.get() + ") is more than \"max\" (" + max.get() + ")",
                    "a count range admits min <= n <= max");
            return Optional.empty();
        }
        return Optional.of(new CountRange(min.get(), max.get()));
    }
}
