package org.reuselab.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.reuselab.core.host.Host;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.probe.LinuxHost;

/** The machine's real kernel as a {@link Host}, where the probe can run. */
final class RealHosts {

    private RealHosts() {
    }

    /** The real host, or empty after printing one line saying why it cannot run here. */
    static Optional<Host> open(PrintWriter err) {
        Optional<String> why = LinuxHost.unavailable();
        if (why.isPresent()) {
            err.println(why.get());
            err.flush();
            return Optional.empty();
        }
        return Optional.of(new LinuxHost());
    }

    /** The profile that models the running kernel. */
    static String profileOfRunningKernel() {
        return KernelProfiles.forRelease(System.getProperty("os.version")).name();
    }
}
