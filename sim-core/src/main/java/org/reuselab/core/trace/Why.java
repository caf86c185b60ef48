package org.reuselab.core.trace;

import java.util.Optional;
import org.reuselab.core.model.Rule;

/** The kernel rule that decided a step, and the owner or socket it was decided against. */
public record Why(Rule rule, Optional<String> against) {

    public static Why of(Rule rule) {
        return new Why(rule, Optional.empty());
    }

    public static Why against(Rule rule, String owner) {
        return new Why(rule, Optional.of(owner));
    }
}
