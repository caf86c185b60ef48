package org.reuselab.cli;

import java.io.PrintWriter;
import org.reuselab.core.detect.Detection;
import org.reuselab.core.detect.Detector;
import org.reuselab.core.detect.FeatureFinding;
import org.reuselab.core.kernel.ProfileFeature;

/** A detection as text: the nearest profile, every difference with its probe, what no probe decides. */
final class DetectText {

    private DetectText() {
    }

    static void print(Detection d, PrintWriter out) {
        out.println("linux " + d.release() + ": nearest profile " + d.nearest().name()
                + (d.matchesNamedProfile() ? " (agrees with every probed feature)" : ""));
        for (FeatureFinding f : d.findings()) {
            out.printf("  %-30s %-8s %s%n", f.feature().key(), f.decided() ? f.value()
                    : f.agreeing().isEmpty() ? "none" : String.join("|", f.agreeing()), verdict(d, f));
        }
        differences(d, out);
        out.println("  not probed (no scenario tells their values apart on a running kernel yet): "
                + String.join(", ", Detector.unprobed().stream().map(ProfileFeature::key).toList()));
    }

    static void differences(Detection d, PrintWriter out) {
        for (Detection.Difference x : d.differences()) {
            out.println("  differs: " + x.feature().key() + " is " + x.kernel() + " here, " + x.profile() + " in "
                    + d.nearest().name() + " (shown by " + x.probeFile() + ")");
        }
        for (FeatureFinding f : d.unexplained()) {
            out.println("  unexplained: no value of " + f.feature().key() + " agrees with this kernel on "
                    + f.probeFile());
        }
    }

    private static String verdict(Detection d, FeatureFinding f) {
        if (f.agreeing().isEmpty()) {
            return "no value explains " + f.probeFile();
        }
        if (!f.decided()) {
            return "undecided by " + f.probeFile();
        }
        return (f.value().equals(f.feature().valueText(d.nearest())) ? "as " + d.nearest().name() : "DIFFERS")
                + "  (" + f.probeFile() + ")";
    }
}
