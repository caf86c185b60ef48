package org.reuselab.core.trace;

import java.util.List;

/**
 * The record of one scenario run. Entries numbered 0 are the set-up (the file's sysctls); the
 * rest are the steps in order.
 */
public record Trace(String scenario, String file, String host, String kernel, long seed, List<TraceEntry> entries) {

    public Trace {
        entries = List.copyOf(entries);
    }

    public long failedChecks() {
        return entries.stream().flatMap(e -> e.checks().stream()).filter(c -> !c.passed()).count();
    }

    public long passedChecks() {
        return entries.stream().flatMap(e -> e.checks().stream()).filter(CheckResult::passed).count();
    }
}
