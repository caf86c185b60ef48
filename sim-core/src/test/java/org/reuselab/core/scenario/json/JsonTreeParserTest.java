package org.reuselab.core.scenario.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reuselab.core.scenario.json.JsonValue.JsonArray;
import org.reuselab.core.scenario.json.JsonValue.JsonNumber;
import org.reuselab.core.scenario.json.JsonValue.JsonObject;
import org.reuselab.core.scenario.json.JsonValue.Member;
import org.reuselab.core.scenario.json.SourcePos;

/** The positioned tree: where values and keys start, their pointers, duplicates and syntax errors. */
class JsonTreeParserTest {

    @Test
    void valuesAndKeysKnowLineColumnAndPointer() throws JsonSyntaxException {
        JsonObject root = assertInstanceOf(JsonObject.class, JsonTreeParser.parse("{\n  \"a\": [10, {\"b\": true}]\n}").root());
        assertEquals(new SourcePos(1, 1, ""), root.pos());
        Member a = root.members().getFirst();
        assertEquals(new SourcePos(2, 3, "/a"), a.keyPos());
        JsonArray arr = assertInstanceOf(JsonArray.class, a.value());
        assertEquals(new SourcePos(2, 8, "/a"), arr.pos());
        assertEquals(new SourcePos(2, 9, "/a/0"), arr.items().get(0).pos());
        JsonObject inner = assertInstanceOf(JsonObject.class, arr.items().get(1));
        assertEquals(new SourcePos(2, 19, "/a/1/b"), inner.members().getFirst().value().pos());
    }

    @Test
    void pointerEscapesSlashAndTilde() throws JsonSyntaxException {
        JsonObject root = assertInstanceOf(JsonObject.class, JsonTreeParser.parse("{\"a/b~c\": 1}").root());
        assertEquals("/a~1b~0c", root.members().getFirst().value().pos().pointer());
    }

    @Test
    void membersKeepFileOrder() throws JsonSyntaxException {
        JsonObject root = assertInstanceOf(JsonObject.class, JsonTreeParser.parse("{\"z\": 1, \"a\": 2, \"m\": 3}").root());
        assertEquals(List.of("z", "a", "m"), root.members().stream().map(Member::key).toList());
    }

    @Test
    void duplicateKeyKeepsFirstAndReportsSecond() throws JsonSyntaxException {
        JsonDocument doc = JsonTreeParser.parse("{\"k\": 1, \"k\": 2}");
        JsonObject root = assertInstanceOf(JsonObject.class, doc.root());
        assertEquals("1", assertInstanceOf(JsonNumber.class, root.get("k").orElseThrow()).text());
        assertEquals(1, doc.issues().size());
        assertEquals(new SourcePos(1, 10, "/k"), doc.issues().getFirst().pos());
    }

    @Test
    void numbersKeepTheirTextAndIntegralness() throws JsonSyntaxException {
        JsonArray arr = assertInstanceOf(JsonArray.class, JsonTreeParser.parse("[1, 1.0, 1e3, 99999999999999999999]").root());
        assertTrue(((JsonNumber) arr.items().get(0)).integral());
        assertEquals(false, ((JsonNumber) arr.items().get(1)).integral());
        assertEquals(false, ((JsonNumber) arr.items().get(2)).integral());
        assertEquals("99999999999999999999", ((JsonNumber) arr.items().get(3)).bigInteger().toString());
    }

    @Test
    void syntaxErrorsAreWordedPlainly() {
        assertMessage("{\"a\": tru}", "invalid JSON: unrecognized word 'tru'", 1, 7);
        assertMessage("{'a': 1}", "invalid JSON: unexpected character ''', expected a field name in double quotes", 1, 2);
        assertMessage("{\"a\": 01}", "invalid JSON: a number cannot start with a leading zero", 1, 8);
        assertMessage("{\"a\": \"\\q\"}", "invalid JSON: unknown escape '\\q' in a string", 1, 9);
        assertMessage("{\"a\": [1}", "invalid JSON: unexpected '}', expected ']' to close the array", 1, 9);
        assertMessage("{\"a\": 1}}", "invalid JSON: unexpected '}' with nothing open to close", 1, 9);
        assertMessage("{\"a\": NaN}", "invalid JSON: 'NaN' is not a JSON number", 1, 7);
        assertMessage("", "invalid JSON: the file is empty", 1, 1);
    }

    @Test
    void messagesNeverCarryJacksonInternals() {
        for (String bad : List.of("{", "[", "{\"a\"", "{\"a\": \"b", "{\"a\" 1}", "{\"a\": -}", "{\"a\": 1 \"b\": 2}")) {
            JsonIssue issue = assertThrows(JsonSyntaxException.class, () -> JsonTreeParser.parse(bad)).issue();
            assertTrue(issue.message().startsWith("invalid JSON: "), issue.message());
            assertTrue(!issue.message().contains("Source") && !issue.message().contains("code "), issue.message());
            assertTrue(issue.hint().isPresent());
        }
    }

    private static void assertMessage(String text, String message, int line, int column) {
        JsonIssue issue = assertThrows(JsonSyntaxException.class, () -> JsonTreeParser.parse(text)).issue();
        assertEquals(message, issue.message());
        assertEquals(line + ":" + column, issue.pos().line() + ":" + issue.pos().column(), text);
    }
}
