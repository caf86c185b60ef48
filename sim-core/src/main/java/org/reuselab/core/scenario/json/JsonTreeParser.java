package org.reuselab.core.scenario.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reuselab.core.scenario.json.JsonValue.JsonArray;
import org.reuselab.core.scenario.json.JsonValue.JsonBool;
import org.reuselab.core.scenario.json.JsonValue.JsonNull;
import org.reuselab.core.scenario.json.JsonValue.JsonNumber;
import org.reuselab.core.scenario.json.JsonValue.JsonObject;
import org.reuselab.core.scenario.json.JsonValue.JsonString;
import org.reuselab.core.scenario.json.JsonValue.Member;

/**
 * Builds a {@link JsonValue} tree from Jackson's token stream. Jackson's tree model forgets where
 * values stood and silently keeps the last of duplicate keys; scenario errors need both.
 */
public final class JsonTreeParser {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonParser parser;
    private final List<JsonIssue> issues = new ArrayList<>();

    private JsonTreeParser(JsonParser parser) {
        this.parser = parser;
    }

    /** Parses a whole document; the text must hold exactly one JSON value. */
    public static JsonDocument parse(String content) throws JsonSyntaxException {
        try (JsonParser p = FACTORY.createParser(content)) {
            return new JsonTreeParser(p).document();
        } catch (StreamReadException e) {
            throw new JsonSyntaxException(JsonSyntaxMessages.describe(e));
        } catch (IOException e) {
            // Reading a String cannot fail for I/O reasons; keep the message plain anyway.
            throw new JsonSyntaxException(new JsonIssue(new SourcePos(1, 1, ""),
                    "invalid JSON: " + e.getMessage(), Optional.empty()));
        }
    }

    private JsonDocument document() throws IOException, JsonSyntaxException {
        if (parser.nextToken() == null) {
            throw syntax(new SourcePos(1, 1, ""), "invalid JSON: the file is empty",
                    "a scenario is one JSON object: {\"steps\": [...]}");
        }
        JsonValue root = value(here(""));
        if (parser.nextToken() != null) {
            throw syntax(here(""), "invalid JSON: more content after the end of the top-level value",
                    "a scenario file holds exactly one JSON object; remove what follows its closing '}'");
        }
        return new JsonDocument(root, issues);
    }

    private JsonValue value(SourcePos pos) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> object(pos);
            case START_ARRAY -> array(pos);
            case VALUE_STRING -> new JsonString(parser.getText(), pos);
            case VALUE_NUMBER_INT -> new JsonNumber(parser.getText(), true, pos);
            case VALUE_NUMBER_FLOAT -> new JsonNumber(parser.getText(), false, pos);
            case VALUE_TRUE -> new JsonBool(true, pos);
            case VALUE_FALSE -> new JsonBool(false, pos);
            case VALUE_NULL -> new JsonNull(pos);
            default -> throw new IllegalStateException("unexpected token " + token);
        };
    }

    private JsonObject object(SourcePos pos) throws IOException {
        List<Member> members = new ArrayList<>();
        Map<String, SourcePos> firstSeen = new HashMap<>(); // look-up only, never iterated
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            SourcePos keyPos = child(pos, key);
            parser.nextToken();
            JsonValue v = value(child(pos, key));
            SourcePos first = firstSeen.putIfAbsent(key, keyPos);
            if (first == null) {
                members.add(new Member(key, keyPos, v));
            } else {
                issues.add(duplicate(key, keyPos, first));
            }
        }
        return new JsonObject(members, pos);
    }

    private JsonArray array(SourcePos pos) throws IOException {
        List<JsonValue> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(child(pos, Integer.toString(items.size()))));
        }
        return new JsonArray(items, pos);
    }

    private static JsonIssue duplicate(String key, SourcePos at, SourcePos first) {
        return new JsonIssue(at, "duplicate field \"" + key + "\" (first written at line " + first.line()
                + ", column " + first.column() + ")",
                Optional.of("each field may appear once in an object; remove one of the two"));
    }

    private SourcePos child(SourcePos parent, String key) {
        JsonLocation loc = parser.currentTokenLocation();
        return parent.child(key, loc.getLineNr(), loc.getColumnNr());
    }

    private SourcePos here(String pointer) {
        JsonLocation loc = parser.currentTokenLocation();
        return new SourcePos(loc.getLineNr(), loc.getColumnNr(), pointer);
    }

    private static JsonSyntaxException syntax(SourcePos pos, String message, String hint) {
        return new JsonSyntaxException(new JsonIssue(pos, message, Optional.of(hint)));
    }
}
