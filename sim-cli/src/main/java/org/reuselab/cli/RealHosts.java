package org.reuselab.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.reuselab.core.detect.Detection;
import org.reuselab.core.host.Host;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.probe.HostDetection;
import org.reuselab.probe.LinuxHost;

/** The machine's real kernel as a {@link Host}, where the probe can run, described by its detected profile. */
final class RealHosts {

    private RealHosts() {
    }

    /**
     * The real host, or empty after printing one line saying why it cannot run here. Its
     * expectations are judged with the detected profile (a feature-keyed expectation needs this
     * build's value).
     */
    static Optional<Host> open(PrintWriter err) {
        Optional<String> why = LinuxHost.unavailable();
        if (why.isPresent()) {
            err.println(why.get());
            err.flush();
            return Optional.empty();
        }
        Detection d = HostDetection.ofRunningKernel();
        return Optional.of(new LinuxHost().describedBy(d.matchesNamedProfile() ? d.nearest() : d.detected()));
    }

    /**
     * The profile a command on this machine's kernel uses: the one named with {@code --kernel}, else
     * the running kernel's ({@link #profileOfRunningKernel}), else (no probe possible here) the
     * profile of the running kernel's version line. Empty after printing why.
     */
    static Optional<KernelProfile> chosen(String kernel, PrintWriter err) {
        if (kernel != null) {
            Optional<KernelProfile> named = KernelProfiles.byName(kernel);
            if (named.isEmpty()) {
                err.println("reuselab: unknown kernel profile '" + kernel + "' (known: "
                        + String.join(", ", KernelProfiles.names()) + ")");
                err.flush();
            }
            return named;
        }
        if (LinuxHost.unavailable().isPresent()) {
            return Optional.of(KernelProfiles.forRelease(System.getProperty("os.version")));
        }
        return profileOfRunningKernel(err);
    }

    /** The exit status when {@link #chosen} found none: a bad name, or a kernel no profile describes. */
    static int noProfileStatus(String kernel) {
        return kernel != null ? ExitCodes.BAD_INPUT : ExitCodes.EXPECTATION_FAILED;
    }

    /**
     * The named profile that models the running kernel: the nearest to what the probes found, if
     * it agrees with every finding. Otherwise the differences are printed, each with the feature
     * and the probe that shows it, and there is none: the model must learn this kernel first.
     */
    static Optional<KernelProfile> profileOfRunningKernel(PrintWriter err) {
        Detection d = HostDetection.ofRunningKernel();
        if (d.matchesNamedProfile()) {
            return Optional.of(d.nearest());
        }
        err.println("reuselab: linux " + d.release() + " is described by no profile; nearest: " + d.nearest().name());
        DetectText.differences(d, err);
        err.println("reuselab: name a profile with --kernel to compare anyway");
        err.flush();
        return Optional.empty();
    }
}
