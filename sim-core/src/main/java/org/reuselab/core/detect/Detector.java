package org.reuselab.core.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.reuselab.core.compare.Comparison;
import org.reuselab.core.compare.KnownDifferences;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.kernel.Feature;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.trace.Trace;

/**
 * Decides features from probes run on a kernel: each value of a probe's feature is simulated on
 * the probe (fed with what the kernel drew), and the values whose run agrees with the kernel's on
 * every step remain. Then the nearest named profile is the one of the kernel's version line (the
 * upstream line or one of its known builds) that differs from the findings in fewest features.
 */
public final class Detector {

    private Detector() {
    }

    /** {@code real}: each probe's trace on the kernel; {@code line}: the profile of its version line. */
    public static Detection decide(String release, KernelProfile line, Map<Probe, Trace> real) {
        List<FeatureFinding> findings = new ArrayList<>();
        for (Probe p : Probes.all()) {
            Trace t = real.get(p);
            if (t != null) {
                findings.add(finding(p, t, line));
            }
        }
        return conclude(release, line, findings);
    }

    /** The nearest named profile and the differences, from findings made now or earlier. */
    public static Detection conclude(String release, KernelProfile line, List<FeatureFinding> findings) {
        KernelProfile nearest = nearest(line, findings);
        List<Detection.Difference> differences = new ArrayList<>();
        KernelProfile detected = nearest.renamed("detected-" + release);
        for (FeatureFinding f : findings) {
            // A probe that two values pass says nothing against a profile with either of them.
            if (!f.agreeing().isEmpty() && !f.admits(nearest.valueText(f.feature()))) {
                String found = String.join("|", f.agreeing());
                differences.add(new Detection.Difference(f.feature(), found, nearest.valueText(f.feature()),
                        f.probeFile()));
                detected = detected.with(detected.name(), f.feature(),
                        f.feature().parse(f.agreeing().getFirst()).orElseThrow());
            }
        }
        return new Detection(release, findings, nearest, differences, detected);
    }

    private static FeatureFinding finding(Probe p, Trace real, KernelProfile line) {
        List<String> agreeing = new ArrayList<>();
        for (String value : candidates(p.feature())) {
            KernelProfile candidate = line.with(line.name(), p.feature(), p.feature().parse(value).orElseThrow());
            RunOptions options = new RunOptions(Optional.of(candidate), OptionalLong.of(real.seed()));
            if (Comparison.of(p.scenario(), real, options, KnownDifferences.none()).agrees()) {
                agreeing.add(value);
            }
        }
        return new FeatureFinding(p.feature(), "scenarios/" + p.file(), agreeing);
    }

    /**
     * The values to try: every value of a boolean or enum feature; for a number or text, the
     * values the named profiles have (a probe tells known answers apart, it does not measure).
     */
    public static List<String> candidates(Feature f) {
        if (!f.valueTexts().isEmpty()) {
            return f.valueTexts();
        }
        return KernelProfiles.allNamed().stream().map(p -> p.valueText(f)).distinct().sorted().toList();
    }

    private static KernelProfile nearest(KernelProfile line, List<FeatureFinding> findings) {
        List<KernelProfile> sameLine = KernelProfiles.allNamed().stream()
                .filter(p -> p.version().equals(line.version())).toList();
        List<KernelProfile> candidates = sameLine.isEmpty() ? List.of(line) : sameLine;
        return candidates.stream().min(Comparator.comparingLong(p -> differing(p, findings))).orElseThrow();
    }

    private static long differing(KernelProfile p, List<FeatureFinding> findings) {
        return findings.stream().filter(f -> !f.admits(p.valueText(f.feature()))).count();
    }

    /** Features no probe decides, for the report. */
    public static List<Feature> unprobed() {
        return java.util.Arrays.stream(Feature.values()).filter(f -> Probes.of(f).isEmpty()).toList();
    }
}
