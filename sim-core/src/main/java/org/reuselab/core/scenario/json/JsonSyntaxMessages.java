package org.reuselab.core.scenario.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's parse errors (written for Java developers, with codes and feature names) into
 * plain words with a hint about JSON syntax.
 */
final class JsonSyntaxMessages {

    /** Whether the error is about the value being read or about its enclosing object/array. */
    private enum Target { VALUE, CONTAINER }

    /** One known Jackson message: how to word it, and whether the column is after a word. */
    private record Rule(Pattern pattern, Target target, boolean columnAfterWord,
            Function<Matcher, String> message, Function<Matcher, String> hint) {
    }

    private static final String VALUE_FORMS =
            "a value is a string in double quotes, a number, an object, an array, true, false or null";

    private static final List<Rule> RULES = List.of(
            rule("Unexpected character \\('(.)' \\(code \\d+\\)\\): was expecting double-quote to start field name",
                    Target.CONTAINER, m -> unexpected(m) + ", expected a field name in double quotes",
                    m -> switch (m.group(1)) {
                        case "}" -> "JSON allows no comma after the last field of an object";
                        case "'" -> "JSON strings and field names use double quotes, not single quotes";
                        default -> "field names are strings in double quotes, as in {\"op\": \"bind\"}";
                    }),
            rule("Unexpected character \\('(.)' \\(code \\d+\\)\\): maybe a \\(non-standard\\) comment.*",
                    Target.CONTAINER, JsonSyntaxMessages::unexpected,
                    m -> "JSON has no comments; put remarks in a \"note\" or \"description\" field"),
            rule("Unexpected character \\('(.)' \\(code \\d+\\)\\): expected a valid value.*",
                    Target.VALUE, m -> unexpected(m) + ", expected a value",
                    m -> m.group(1).equals("]") ? "JSON allows no comma after the last item of an array"
                            : m.group(1).equals("'") ? "JSON strings use double quotes, not single quotes"
                            : VALUE_FORMS),
            rule("Unexpected character \\('(.)' \\(code \\d+\\)\\): was expecting a colon.*",
                    Target.VALUE, m -> unexpected(m) + ", expected ':' after the field name",
                    m -> "a field is written \"name\": value"),
            rule("Unexpected character \\('(.)' \\(code \\d+\\)\\): was expecting comma to separate"
                    + " (Object|Array) entries",
                    Target.CONTAINER, m -> unexpected(m) + ", expected ',' or "
                            + (m.group(2).equals("Object") ? "'}'" : "']'"),
                    m -> "separate the " + (m.group(2).equals("Object") ? "fields of an object" : "items of an array")
                            + " with commas"),
            rule("Unexpected character \\('(.)' \\(code \\d+\\)\\) in numeric value.*",
                    Target.VALUE, m -> unexpected(m) + " in a number",
                    m -> "numbers are written like 80, -1 or 0.5"),
            rule("Unexpected character \\('(.)' \\(code \\d+\\)\\).*",
                    Target.VALUE, JsonSyntaxMessages::unexpected, m -> VALUE_FORMS),
            rule("Unexpected end-of-input: expected close marker for (Object|Array).*line: (\\d+), column: (\\d+).*",
                    Target.CONTAINER, m -> "invalid JSON: the file ends inside " + (m.group(1).equals("Object")
                            ? "an object" : "an array") + " that is not closed (it opens at line " + m.group(2)
                            + ", column " + m.group(3) + ")",
                    m -> "close it with '" + (m.group(1).equals("Object") ? "}" : "]")
                            + "'; every '{' needs a '}' and every '[' a ']'"),
            rule("Unexpected end-of-input: was expecting closing quote.*",
                    Target.VALUE, m -> "invalid JSON: the file ends inside a string",
                    m -> "close the string with '\"'"),
            rule("Unexpected end-of-input.*",
                    Target.VALUE, m -> "invalid JSON: the file ends too early",
                    m -> "check that every '{', '[' and '\"' has its closing partner"),
            rule("Unrecognized token '(.*)': was expecting.*",
                    Target.VALUE, m -> "invalid JSON: unrecognized word '" + m.group(1) + "'",
                    m -> "strings need double quotes (\"ipv4\"); the only bare words are true, false and null"),
            rule("Non-standard token '(.*)'.*",
                    Target.VALUE, m -> "invalid JSON: '" + m.group(1) + "' is not a JSON number",
                    m -> "numbers are written like 80, -1 or 0.5"),
            rule("Invalid numeric value: Leading zeroes not allowed.*",
                    Target.VALUE, m -> "invalid JSON: a number cannot start with a leading zero",
                    m -> "write 1, not 01"),
            rule("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
                    Target.VALUE, m -> "invalid JSON: control character (code " + m.group(1) + ") inside a string",
                    m -> "a string must end on the line it starts; write a line break as \\n and a tab as \\t"),
            rule("Unrecognized character escape '(.)'.*",
                    Target.VALUE, m -> "invalid JSON: unknown escape '\\" + m.group(1) + "' in a string",
                    m -> "JSON escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"),
            rule("Unexpected close marker '(.)': expected '(.)'.*",
                    Target.CONTAINER, m -> "invalid JSON: unexpected '" + m.group(1) + "', expected '"
                            + m.group(2) + "' to close the " + (m.group(2).equals("]") ? "array" : "object"),
                    m -> "every '[' needs a ']' and every '{' a '}', closed in the reverse order of opening"),
            rule("Unexpected close marker '(.)': no open.*",
                    Target.CONTAINER, m -> "invalid JSON: unexpected '" + m.group(1) + "' with nothing open to close",
                    m -> "remove the extra '" + m.group(1) + "'"));

    private JsonSyntaxMessages() {
    }

    private static Rule rule(String regex, Target target, Function<Matcher, String> message,
            Function<Matcher, String> hint) {
        boolean afterWord = regex.startsWith("Unrecognized token") || regex.startsWith("Non-standard token");
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), target, afterWord, message, hint);
    }

    private static String unexpected(Matcher m) {
        return "invalid JSON: unexpected character '" + m.group(1) + "'";
    }

    static JsonIssue describe(StreamReadException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(original);
            if (m.matches()) {
                int back = r.columnAfterWord() ? m.group(1).length() : 0;
                return new JsonIssue(position(e, r.target(), back), r.message().apply(m),
                        Optional.of(r.hint().apply(m)));
            }
        }
        return new JsonIssue(position(e, Target.VALUE, 0), "invalid JSON: " + plain(original),
                Optional.of(VALUE_FORMS));
    }

    /** Jackson's own words minus the source excerpts and the capital letter. */
    private static String plain(String original) {
        String s = original.replaceAll(" \\(.*\\[Source:.*\\]\\)", "").replaceAll("\\s+", " ").trim();
        return s.isEmpty() ? "malformed input" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static SourcePos position(StreamReadException e, Target target, int back) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
        int column = loc == null ? 1 : Math.max(1, loc.getColumnNr() - back);
        return new SourcePos(line, column, pointer(e, target));
    }

    private static String pointer(StreamReadException e, Target target) {
        if (!(e.getProcessor() instanceof JsonParser p)) {
            return "";
        }
        JsonStreamContext ctx = p.getParsingContext();
        JsonPointer ptr = ctx.pathAsPointer();
        boolean onEntry = (ctx.inObject() && ctx.getCurrentName() != null)
                || (ctx.inArray() && ctx.getCurrentIndex() >= 0);
        if (target == Target.CONTAINER && onEntry && ptr.head() != null) {
            ptr = ptr.head();
        }
        return ptr.toString();
    }
}
