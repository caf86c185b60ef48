package org.reuselab.core.host;

import java.util.Optional;
import org.reuselab.core.model.Rule;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Errno;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.Why;

/** A call handler's answer: the outcome and the rule that decided it. */
record StepResult(Outcome outcome, Optional<Why> why) {

    static StepResult ok(Rule rule) {
        return new StepResult(new Outcome.Ok(Optional.empty()), Optional.of(Why.of(rule)));
    }

    static StepResult ok(Endpoint local, Why why) {
        return new StepResult(new Outcome.Ok(Optional.of(local)), Optional.of(why));
    }

    static StepResult fail(Errno errno, Rule rule) {
        return new StepResult(new Outcome.Failed(errno), Optional.of(Why.of(rule)));
    }

    static StepResult fail(Errno errno, Why why) {
        return new StepResult(new Outcome.Failed(errno), Optional.of(why));
    }

    static StepResult notModelled(String op) {
        return new StepResult(new Outcome.NotModelled(op), Optional.of(Why.of(Rule.NOT_MODELLED)));
    }
}
