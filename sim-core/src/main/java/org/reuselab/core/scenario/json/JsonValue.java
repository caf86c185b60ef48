package org.reuselab.core.scenario.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A JSON value that remembers where it stands in the file, so that every error can name the
 * line, column and JSON pointer of the value it is about.
 */
public sealed interface JsonValue {

    SourcePos pos();

    /** What kind of value this is, with an article, for "expected X, got Y" messages. */
    String kind();

    /** The kind plus a short rendering of the value, for "got ..." in messages. */
    default String describe() {
        return kind();
    }

    /** An object; members keep file order (duplicates are dropped by the parser). */
    record JsonObject(List<Member> members, SourcePos pos) implements JsonValue {
        public JsonObject {
            members = List.copyOf(members);
        }

        public Optional<Member> member(String key) {
            for (Member m : members) { // a loop, not a stream: readers ask this for every field
                if (m.key().equals(key)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }

        public Optional<JsonValue> get(String key) {
            return member(key).map(Member::value);
        }

        @Override
        public String kind() {
            return "an object";
        }
    }

    /** One {@code "key": value} of an object; keyPos carries the member's pointer. */
    record Member(String key, SourcePos keyPos, JsonValue value) {
    }

    record JsonArray(List<JsonValue> items, SourcePos pos) implements JsonValue {
        public JsonArray {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "an array";
        }
    }

    record JsonString(String value, SourcePos pos) implements JsonValue {
        @Override
        public String kind() {
            return "a string";
        }

        @Override
        public String describe() {
            String shown = value.length() > 40 ? value.substring(0, 37) + "..." : value;
            return "the string \"" + shown + "\"";
        }
    }

    /** A number kept as written; integral is true for JSON integers (no fraction, no exponent). */
    record JsonNumber(String text, boolean integral, SourcePos pos) implements JsonValue {
        @Override
        public String kind() {
            return integral ? "an integer" : "a number with a fraction";
        }

        @Override
        public String describe() {
            return "the number " + text;
        }

        /** The integer value; only meaningful when {@link #integral()}. */
        public BigInteger bigInteger() {
            return new BigDecimal(text).toBigInteger();
        }
    }

    record JsonBool(boolean value, SourcePos pos) implements JsonValue {
        @Override
        public String kind() {
            return "true or false";
        }

        @Override
        public String describe() {
            return Boolean.toString(value);
        }
    }

    record JsonNull(SourcePos pos) implements JsonValue {
        @Override
        public String kind() {
            return "null";
        }
    }
}
