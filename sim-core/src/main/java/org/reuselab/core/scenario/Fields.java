package org.reuselab.core.scenario;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.reuselab.core.scenario.json.JsonValue.JsonObject;
import org.reuselab.core.scenario.json.JsonValue.Member;
import org.reuselab.core.scenario.json.JsonValue;
import org.reuselab.core.text.Suggest;

/**
 * The fields of one JSON object whose set of keys is fixed: reports unknown keys when made, and
 * missing required keys when asked for.
 */
final class Fields {

    private final JsonObject obj;
    private final String what;
    private final Optional<String> example;
    private final Problems problems;

    private Fields(JsonObject obj, String what, Optional<String> example, Problems problems) {
        this.obj = obj;
        this.what = what;
        this.example = example;
        this.problems = problems;
    }

    /**
     * @param what a noun phrase for messages, e.g. "a bind step"
     * @param known every key the object may have, in the order hints list them
     * @param example how a minimal object of this kind looks, for "missing field" hints
     */
    static Fields of(JsonObject obj, String what, List<String> known, Optional<String> example, Problems p) {
        for (Member m : obj.members()) {
            if (!known.contains(m.key())) {
                p.error(m.keyPos(), "unknown field " + Values.quote(m.key()) + " in " + what,
                        Suggest.hint(m.key(), known, "known fields of " + what));
            }
        }
        return new Fields(obj, what, example, p);
    }

    JsonObject object() {
        return obj;
    }

    Problems problems() {
        return problems;
    }

    boolean has(String key) {
        return obj.get(key).isPresent();
    }

    Optional<JsonValue> opt(String key) {
        return obj.get(key);
    }

    Optional<JsonValue> req(String key) {
        Optional<JsonValue> v = obj.get(key);
        if (v.isEmpty()) {
            problems.error(obj.pos(), "missing required field " + Values.quote(key) + " in " + what,
                    example.map(e -> what + " looks like " + e));
        }
        return v;
    }

    Optional<String> reqString(String key) {
        return req(key).flatMap(v -> Values.string(v, Values.quote(key), problems));
    }

    Optional<String> optString(String key) {
        return opt(key).flatMap(v -> Values.string(v, Values.quote(key), problems));
    }

    Optional<Integer> reqInt(String key, int min, int max) {
        return req(key).flatMap(v -> Values.integer(v, Values.quote(key), min, max, problems));
    }

    Optional<Long> reqLong(String key, long min, long max) {
        return req(key).flatMap(v -> Values.integer(v, Values.quote(key), min, max, problems));
    }

    /** Present and valid, or the default when absent; empty only when present but invalid. */
    Optional<Integer> optInt(String key, int min, int max, int dflt) {
        return opt(key).map(v -> Values.integer(v, Values.quote(key), min, max, problems)).orElse(Optional.of(dflt));
    }

    Optional<Long> optLong(String key, long min, long max, long dflt) {
        return opt(key).map(v -> Values.integer(v, Values.quote(key), min, max, problems)).orElse(Optional.of(dflt));
    }

    /**
     * An optional field read by {@code read}: {@code Optional.of(Optional.empty())} when absent,
     * empty when present but invalid (already reported).
     */
    <T> Optional<Optional<T>> optional(String key, Function<JsonValue, Optional<T>> read) {
        return opt(key).map(v -> read.apply(v).map(Optional::of)).orElse(Optional.of(Optional.empty()));
    }

    Optional<Boolean> optBool(String key, boolean dflt) {
        return opt(key).map(v -> Values.bool(v, Values.quote(key), problems)).orElse(Optional.of(dflt));
    }
}
