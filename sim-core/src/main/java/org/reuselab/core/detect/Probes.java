package org.reuselab.core.detect;

import java.util.List;
import java.util.Optional;
import org.reuselab.core.kernel.ProfileFeature;

/** The features a probe can decide, each with the scenario that tells its values apart. */
public final class Probes {

    private static final List<Probe> ALL = List.of(
            probe("disconnectKeepsRole"));

    private Probes() {
    }

    public static List<Probe> all() {
        return ALL;
    }

    public static Optional<Probe> of(ProfileFeature f) {
        return ALL.stream().filter(p -> p.feature().equals(f)).findFirst();
    }

    private static Probe probe(String feature) {
        return new Probe(ProfileFeature.byKey(feature).orElseThrow(), feature + ".json");
    }
}
