package org.reuselab.core.host;

import java.util.Optional;
import java.util.OptionalLong;

/** Command-line overrides of a scenario's kernel profile and seed. */
public record RunOptions(Optional<String> kernel, OptionalLong seed) {

    public static RunOptions defaults() {
        return new RunOptions(Optional.empty(), OptionalLong.empty());
    }
}
