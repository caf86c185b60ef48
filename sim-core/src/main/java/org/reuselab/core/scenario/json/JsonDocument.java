package org.reuselab.core.scenario.json;

import java.util.List;

/** A parsed file: its root value and the non-fatal problems found while parsing. */
public record JsonDocument(JsonValue root, List<JsonIssue> issues) {

    public JsonDocument {
        issues = List.copyOf(issues);
    }
}
