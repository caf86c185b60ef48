package org.reuselab.core.scenario;

import java.util.List;
import java.util.Optional;
import org.reuselab.core.scenario.json.SourcePos;

/**
 * {@code "established"}, {@code "reset"} and {@code "no-reply"} as a whole expectation: every
 * connection of the step had that outcome. They become the equivalent checks, so later stages
 * see one form only.
 */
final class OutcomeWords {

    private OutcomeWords() {
    }

    /** Empty when the connection count is unknown (its field is broken and already reported). */
    static Optional<Expectation> expand(String word, SourcePos pos, ExpectRules rules) {
        if (rules.single()) {
            return Optional.of(new Expectation.Result(Optional.empty(), pos)); // a single connect: established is "ok"
        }
        if (rules.connections().isEmpty()) {
            return Optional.empty();
        }
        CountRange all = CountRange.exactly(rules.connections().getAsInt());
        CountRange none = CountRange.exactly(0);
        List<Expectation.Check> checks = switch (word) {
            case "established" -> List.of(new Expectation.EstablishedCheck(all, pos));
            case "reset" -> List.of(new Expectation.ResetCheck(all, pos));
            default -> List.of(new Expectation.EstablishedCheck(none, pos), new Expectation.ResetCheck(none, pos));
        };
        return Optional.of(new Expectation.Checks(checks, pos));
    }
}
