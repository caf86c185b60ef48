package org.reuselab.core.compare;

import java.util.Optional;

/** One step of a comparison: agree, diverge (with both outcomes and the model's rule), or a listed known difference. */
public record StepComparison(int step, String call, Verdict verdict, String real, String sim, Optional<String> rule,
        Optional<String> knownReason) {

    /** How a step compared. */
    public enum Verdict {
        AGREE, DIVERGE, KNOWN_DIFFERENCE, NOT_COMPARED,
        /** The outcomes differ where the model had to guess a draw the real kernel did not reveal. */
        UNDETERMINED
    }
}
