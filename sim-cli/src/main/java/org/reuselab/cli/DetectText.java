package org.reuselab.cli;

import java.io.PrintWriter;
import org.reuselab.core.detect.Detection;
import org.reuselab.core.detect.Detector;
import org.reuselab.core.detect.FeatureFinding;
import org.reuselab.core.detect.Probes;
import org.reuselab.core.kernel.Feature;

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
        out.println("  not probed (taken from " + d.nearest().name() + "):");
        for (Feature f : Detector.unprobed()) {
            out.printf("    %-30s %s%n", f.key(), Probes.whyNot(f).orElseThrow());
        }
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
            return (f.admits(d.nearest().valueText(f.feature())) ? "both agree, as " + d.nearest().name() : "DIFFERS")
                    + "  (undecided by " + f.probeFile() + ")";
        }
        return (f.value().equals(d.nearest().valueText(f.feature())) ? "as " + d.nearest().name() : "DIFFERS")
                + "  (" + f.probeFile() + ")";
    }
}
