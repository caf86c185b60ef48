package org.reuselab.core.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.scenario.json.SourcePos;

/** Collects the errors of one file; reading goes on after each so that all are reported at once. */
final class Problems {

    private final String file;
    private final List<Diagnostic> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void error(SourcePos pos, String message) {
        found.add(new Diagnostic(file, pos.line(), pos.column(), message, pos.pointer(), Optional.empty()));
    }

    void error(SourcePos pos, String message, String hint) {
        found.add(new Diagnostic(file, pos.line(), pos.column(), message, pos.pointer(), Optional.of(hint)));
    }

    void error(SourcePos pos, String message, Optional<String> hint) {
        found.add(new Diagnostic(file, pos.line(), pos.column(), message, pos.pointer(), hint));
    }

    boolean any() {
        return !found.isEmpty();
    }

    /** By position in the file; errors at the same position keep the order they were found in. */
    List<Diagnostic> sorted() {
        List<Diagnostic> out = new ArrayList<>(found);
        out.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return out;
    }

    ScenarioException exception() {
        return new ScenarioException(sorted());
    }
}
