package org.reuselab.core.detect;

import java.util.List;
import org.reuselab.core.kernel.Feature;
import org.reuselab.core.kernel.KernelProfile;

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

    /**
     * Whether the nearest named profile describes the kernel: every probe's answers are those of
     * its value (a probe that several values pass, because another feature hides this one on this
     * kernel, does not count against it).
     */
    public boolean matchesNamedProfile() {
        return differences.isEmpty() && unexplained().isEmpty();
    }

    /** Findings no value explains (the model cannot describe this kernel there). */
    public List<FeatureFinding> unexplained() {
        return findings.stream().filter(f -> f.agreeing().isEmpty()).toList();
    }
}
