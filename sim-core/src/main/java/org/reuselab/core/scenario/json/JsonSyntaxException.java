package org.reuselab.core.scenario.json;

/** The file is not JSON; parsing stops at the first such problem. */
public final class JsonSyntaxException extends Exception {

    private final transient JsonIssue issue;

    public JsonSyntaxException(JsonIssue issue) {
        super(issue.message());
        this.issue = issue;
    }

    public JsonIssue issue() {
        return issue;
    }
}
