package org.reuselab.core.host;

import java.util.Optional;
import java.util.OptionalLong;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.scenario.json.SourcePos;

/**
 * Command-line overrides of a scenario's kernel profile and seed, and how much the trace keeps.
 * The profile may be a named one or any other (a user's file, a detected kernel).
 */
public record RunOptions(Optional<KernelProfile> kernel, OptionalLong seed, TraceDetail detail) {

    public RunOptions(Optional<KernelProfile> kernel, OptionalLong seed) {
        this(kernel, seed, TraceDetail.FULL);
    }

    public static RunOptions defaults() {
        return new RunOptions(Optional.empty(), OptionalLong.empty());
    }

    /** The options of a profile given by name (an unknown name is a run-time error of the scenario). */
    public static RunOptions named(String profile, OptionalLong seed) {
        return new RunOptions(Optional.of(KernelProfiles.byName(profile).orElseThrow(() ->
                new ScenarioRuntimeException(SourcePos.NONE, "unknown kernel profile '" + profile + "' (known: "
                        + String.join(", ", KernelProfiles.names()) + ")"))), seed);
    }

    public RunOptions withDetail(TraceDetail d) {
        return new RunOptions(kernel, seed, d);
    }
}
