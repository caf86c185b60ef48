package org.reuselab.core.scenario.json;

import java.util.Optional;

/** A problem found in the JSON text itself (a duplicate key, or a syntax error). */
public record JsonIssue(SourcePos pos, String message, Optional<String> hint) {
}
