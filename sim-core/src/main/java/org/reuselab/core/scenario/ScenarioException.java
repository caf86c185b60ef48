package org.reuselab.core.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario file could not be read; carries every error found, sorted by position. */
public final class ScenarioException extends Exception {

    private final transient List<Diagnostic> diagnostics;

    public ScenarioException(List<Diagnostic> diagnostics) {
        super(render(diagnostics).stripTrailing());
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one diagnostic");
        }
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** All diagnostics, each formatted, one after another; ends with a newline. */
    public String format() {
        return render(diagnostics);
    }

    private static String render(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.format() + "\n").collect(Collectors.joining());
    }
}
