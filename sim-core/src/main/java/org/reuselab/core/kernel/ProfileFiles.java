package org.reuselab.core.kernel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.reuselab.core.text.Suggest;

/**
 * Profile files: {@code {"name": ..., "version": ..., "description": ..., "features": {...},
 * "notes": {...}}}, with a value for every {@link Feature} (booleans, numbers, enum names as text).
 * Every problem is reported at once, compiler style; nothing is guessed.
 */
public final class ProfileFiles {

    private static final JsonFactory JSON = new JsonFactory();

    private ProfileFiles() {
    }

    public static KernelProfile read(Path file) throws ProfileFileException {
        try {
            return read(file.toString(), Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ProfileFileException(List.of(file + ":1:1: error: no such file at /"));
        } catch (IOException e) {
            throw new ProfileFileException(List.of(file + ":1:1: error: cannot read the file: " + e.getMessage() + " at /"));
        }
    }

    public static KernelProfile read(String display, String content) throws ProfileFileException {
        Reading r = new Reading(display);
        try (JsonParser p = JSON.createParser(content)) {
            r.top(p);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            r.syntaxBroken = true;
            r.errorAt(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    "invalid JSON: " + e.getOriginalMessage(), "/");
        } catch (IOException e) {
            r.errorAt(1, 1, "cannot read: " + e.getMessage(), "/");
        }
        return r.profile();
    }

    /** The file of a profile: every feature, in {@link Feature} order. */
    public static String write(KernelProfile p, String description) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"name\": ").append(quote(p.name())).append(",\n");
        sb.append("  \"version\": ").append(quote(p.version().toString())).append(",\n");
        sb.append("  \"description\": ").append(quote(description)).append(",\n");
        sb.append("  \"features\": {\n");
        Feature[] all = Feature.values();
        for (int i = 0; i < all.length; i++) {
            Object v = p.value(all[i]);
            String text = v instanceof Boolean || v instanceof Integer ? String.valueOf(v) : quote(String.valueOf(v));
            sb.append("    ").append(quote(all[i].key())).append(": ").append(text).append(i + 1 < all.length ? ",\n" : "\n");
        }
        sb.append("  }\n}\n");
        return sb.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** One file being read: what was found and every problem so far. */
    private static final class Reading {
        private final String display;
        private final List<String> errors = new ArrayList<>();
        private final EnumMap<Feature, Object> values = new EnumMap<>(Feature.class);
        private final Set<Feature> named = EnumSet.noneOf(Feature.class);
        private String name;
        private KernelVersion version;
        private int featuresLine = 1;
        private int featuresColumn = 1;
        private boolean sawFeatures;
        private boolean syntaxBroken;

        Reading(String display) {
            this.display = display;
        }

        void top(JsonParser p) throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                error(p, "a profile file is one JSON object: {\"name\": ..., \"version\": ..., \"features\": {...}}", "/");
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "name" -> name = text(p, t, "/name").orElse(null);
                    case "version" -> version(p, t);
                    case "description" -> text(p, t, "/description");
                    case "features" -> features(p, t);
                    case "notes" -> notes(p, t);
                    default -> {
                        error(p, "unknown field \"" + field + "\" (a profile has name, version, description, features, "
                                + "notes)", "/" + field);
                        p.skipChildren();
                    }
                }
            }
        }

        private Optional<String> text(JsonParser p, JsonToken t, String at) throws IOException {
            if (t != JsonToken.VALUE_STRING) {
                error(p, "expected text, got " + describe(t), at);
                p.skipChildren();
                return Optional.empty();
            }
            return Optional.of(p.getText());
        }

        private void version(JsonParser p, JsonToken t) throws IOException {
            Optional<String> v = text(p, t, "/version");
            if (v.isEmpty()) {
                return;
            }
            try {
                version = KernelVersion.parse(v.get());
            } catch (IllegalArgumentException e) {
                error(p, e.getMessage(), "/version");
            }
        }

        private void features(JsonParser p, JsonToken t) throws IOException {
            featuresLine = p.currentTokenLocation().getLineNr();
            featuresColumn = p.currentTokenLocation().getColumnNr();
            sawFeatures = true;
            if (t != JsonToken.START_OBJECT) {
                error(p, "\"features\" must be an object of feature: value, got " + describe(t), "/features");
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                String at = "/features/" + key;
                Optional<Feature> f = Feature.byKey(key);
                if (f.isEmpty()) {
                    error(p, "unknown feature \"" + key + "\"" + closest(key).map(c -> "; did you mean \"" + c + "\"?")
                            .orElse(" (reuselab profiles lists them)"), at);
                    p.skipChildren();
                } else if (!named.add(f.get())) {
                    error(p, "feature \"" + key + "\" is given twice", at);
                    p.skipChildren();
                } else {
                    value(p, v, f.get(), at).ifPresent(x -> values.put(f.get(), x));
                }
            }
        }

        private Optional<Object> value(JsonParser p, JsonToken t, Feature f, String at) throws IOException {
            boolean rightToken = f.type() == Boolean.class ? t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE
                    : f.type() == Integer.class ? t == JsonToken.VALUE_NUMBER_INT : t == JsonToken.VALUE_STRING;
            Optional<Object> parsed = rightToken ? f.parse(p.getText()) : Optional.empty();
            if (parsed.isEmpty()) {
                List<String> texts = f.valueTexts();
                String wanted = f.type() == Integer.class ? "a number" : f.type() == String.class ? "text"
                        : "one of " + String.join(", ", texts);
                error(p, "bad value " + (t == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : describe(t))
                        + " for feature " + f.key() + ": expected " + wanted, at);
                p.skipChildren();
            }
            return parsed;
        }

        private void notes(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                error(p, "\"notes\" must be an object of feature: text", "/notes");
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                if (Feature.byKey(key).isEmpty()) {
                    error(p, "a note for unknown feature \"" + key + "\"", "/notes/" + key);
                }
                text(p, v, "/notes/" + key);
            }
        }

        private static Optional<String> closest(String key) {
            return Suggest.closest(key, Feature.keys());
        }

        private static String describe(JsonToken t) {
            return switch (t) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "text";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                case END_OBJECT, END_ARRAY, FIELD_NAME, VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE -> String.valueOf(t);
            };
        }

        private void error(JsonParser p, String message, String at) {
            JsonLocation l = p.currentTokenLocation();
            errorAt(l.getLineNr(), l.getColumnNr(), message, at);
        }

        void errorAt(int line, int column, String message, String at) {
            errors.add(display + ":" + line + ":" + column + ": error: " + message + " at " + at);
        }

        KernelProfile profile() throws ProfileFileException {
            if (!syntaxBroken) {
                if (name == null) {
                    errorAt(1, 1, "the profile has no \"name\"", "/");
                }
                if (version == null) {
                    errorAt(1, 1, "the profile has no \"version\"", "/");
                }
                for (Feature f : Feature.values()) {
                    if (!named.contains(f) && sawFeatures) {
                        errorAt(featuresLine, featuresColumn, "missing feature \"" + f.key() + "\" (a profile names "
                                + "every feature)", "/features");
                    }
                }
                if (!sawFeatures) {
                    errorAt(1, 1, "the profile has no \"features\"", "/");
                }
            }
            if (!errors.isEmpty()) {
                throw new ProfileFileException(errors);
            }
            return new KernelProfile(name, version, values);
        }
    }
}
