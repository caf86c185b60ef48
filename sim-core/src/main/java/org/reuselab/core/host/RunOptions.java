package org.reuselab.core.host;

import java.util.Optional;
import java.util.OptionalLong;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.scenario.json.SourcePos;

/**
 * Command-line overrides of a scenario's kernel profile and seed, how much the trace keeps, and
 * whether the model's invariants are checked after every step.
 * The profile may be a named one or any other (a user's file, a detected kernel).
 */
public record RunOptions(Optional<KernelProfile> kernel, OptionalLong seed, TraceDetail detail, boolean invariants) {

    public RunOptions(Optional<KernelProfile> kernel, OptionalLong seed, TraceDetail detail) {
        this(kernel, seed, detail, false);
    }

    public RunOptions(Optional<KernelProfile> kernel, OptionalLong seed) {
        this(kernel, seed, TraceDetail.FULL);
    }

    /** The same options, with the model's invariants checked after every step ({@link HostInvariants}). */
    public RunOptions checkingInvariants() {
        return new RunOptions(kernel, seed, detail, true);
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
        return new RunOptions(kernel, seed, d, invariants);
    }
}
