package org.reuselab.core.scenario.json;

/** Where a value stands in a scenario file: 1-based line and column, and its JSON pointer. */
public record SourcePos(int line, int column, String pointer) {

    public static final SourcePos NONE = new SourcePos(0, 0, "");

    public SourcePos child(String key, int childLine, int childColumn) {
        return new SourcePos(childLine, childColumn, pointer + "/" + escape(key));
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public String toString() {
        return line + ":" + column + " at " + (pointer.isEmpty() ? "/" : pointer);
    }
}
