package org.reuselab.core.trace;

import java.util.List;
import java.util.Optional;

/**
 * The record of one scenario run. Entries numbered 0 are the set-up (the file's sysctls); the
 * rest are the steps in order. A simulated run also says what the kernel's algorithms would have
 * cost; a real kernel's trace does not.
 */
public record Trace(String scenario, String file, String host, String kernel, long seed, List<TraceEntry> entries,
        Optional<KernelCost> cost) {

    public Trace {
        entries = List.copyOf(entries);
    }

    public Trace(String scenario, String file, String host, String kernel, long seed, List<TraceEntry> entries) {
        this(scenario, file, host, kernel, seed, entries, Optional.empty());
    }

    public long failedChecks() {
        return entries.stream().flatMap(e -> e.checks().stream()).filter(c -> !c.passed()).count();
    }

    public long passedChecks() {
        return entries.stream().flatMap(e -> e.checks().stream()).filter(CheckResult::passed).count();
    }
}
