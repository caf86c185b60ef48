package org.reuselab.core.trace;

import java.util.List;
import java.util.Optional;

/** One step of a trace: the call as text, its outcome, the deciding rule and the expectations checked. */
public record TraceEntry(int step, String call, Outcome outcome, Optional<Why> why, List<Event> events,
        List<CheckResult> checks) {

    public TraceEntry {
        events = List.copyOf(events);
        checks = List.copyOf(checks);
    }

    public boolean failed() {
        return checks.stream().anyMatch(c -> !c.passed());
    }
}
