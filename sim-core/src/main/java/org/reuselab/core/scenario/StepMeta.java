package org.reuselab.core.scenario;

import java.util.Optional;
import org.reuselab.core.scenario.json.SourcePos;

/** What every step carries: its 1-based number, where it is, its note and its expectation. */
public record StepMeta(int number, SourcePos pos, Optional<String> note, Optional<Expectation> expect) {
}
