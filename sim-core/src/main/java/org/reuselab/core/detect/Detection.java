package org.reuselab.core.detect;

import java.util.List;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.Feature;

/**
 * A kernel's detected profile: what each probe found, the named profile nearest to it, and every
 * decided feature in which the kernel differs from that profile.
 */
public record Detection(String release, List<FeatureFinding> findings, KernelProfile nearest,
        List<Difference> differences, KernelProfile detected) {

    /** A feature whose detected value is not the nearest profile's. */
    public record Difference(Feature feature, String kernel, String profile, String probeFile) {
    }

    public Detection {
        findings = List.copyOf(findings);
        differences = List.copyOf(differences);
    }

    /** Whether a named profile describes the kernel in every feature a probe decided. */
    public boolean matchesNamedProfile() {
        return differences.isEmpty() && findings.stream().allMatch(FeatureFinding::decided);
    }

    /** Findings no value explains (the model cannot describe this kernel there). */
    public List<FeatureFinding> unexplained() {
        return findings.stream().filter(f -> f.agreeing().isEmpty()).toList();
    }
}
