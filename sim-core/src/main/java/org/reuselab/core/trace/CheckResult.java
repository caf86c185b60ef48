package org.reuselab.core.trace;

/** One expectation checked against a step's outcome. */
public record CheckResult(String expected, boolean passed, String actual) {
}
