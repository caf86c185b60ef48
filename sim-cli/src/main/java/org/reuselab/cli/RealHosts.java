package org.reuselab.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.reuselab.core.host.Host;
import org.reuselab.core.kernel.KernelProfiles;

/** The machine's real kernel as a {@link Host}, where the probe can run. */
final class RealHosts {

    private RealHosts() {
    }

    /** The real host, or empty after printing one line saying why it cannot run here. */
    static Optional<Host> open(PrintWriter err) {
        err.println("reuselab: the real-kernel probe is not built into this version; use --sim-only");
        err.flush();
        return Optional.empty();
    }

    /** The profile that models the running kernel. */
    static String profileOfRunningKernel() {
        return KernelProfiles.forRelease(System.getProperty("os.version")).name();
    }
}
