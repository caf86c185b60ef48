package org.reuselab.core.host;

import java.util.Optional;
import java.util.OptionalLong;

/** Command-line overrides of a scenario's kernel profile and seed, and how much the trace keeps. */
public record RunOptions(Optional<String> kernel, OptionalLong seed, TraceDetail detail) {

    public RunOptions(Optional<String> kernel, OptionalLong seed) {
        this(kernel, seed, TraceDetail.FULL);
    }

    public static RunOptions defaults() {
        return new RunOptions(Optional.empty(), OptionalLong.empty());
    }

    public RunOptions withDetail(TraceDetail d) {
        return new RunOptions(kernel, seed, d);
    }
}
