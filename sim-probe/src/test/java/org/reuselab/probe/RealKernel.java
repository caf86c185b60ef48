package org.reuselab.probe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.scenario.ScenarioReader;
import org.reuselab.core.trace.Trace;

/** Shared by the tests that need the real kernel: the skip reason, the scenario library, one run. */
final class RealKernel {

    private static Optional<String> unavailable;

    private RealKernel() {
    }

    /** Skips the calling test (reported as skipped, with the reason) without root and network namespaces. */
    static synchronized void assumeAvailable() {
        if (unavailable == null) {
            unavailable = LinuxHost.unavailable();
        }
        assumeTrue(unavailable.isEmpty(), () -> unavailable.orElse(""));
    }

    static Path scenarios() {
        return Path.of(System.getProperty("reuselab.scenarios", "../scenarios"));
    }

    static Scenario read(Path file) throws ScenarioException {
        return new ScenarioReader(new LinkedHashSet<>(KernelProfiles.names())).read(file);
    }

    static Scenario parse(String name, String json) throws ScenarioException {
        return new ScenarioReader(new LinkedHashSet<>(KernelProfiles.names())).read(name, json);
    }

    /** One run on this machine's kernel, its expectations judged with the detected profile. */
    static Trace run(Scenario s) {
        return new LinuxHost().describedBy(HostDetection.ofRunningKernel().detected()).run(s, RunOptions.defaults());
    }

    static String text(Path p) throws IOException {
        return Files.readString(p);
    }
}
