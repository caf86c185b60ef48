package org.reuselab.probe;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reuselab.core.detect.Detection;
import org.reuselab.core.detect.Detector;
import org.reuselab.core.detect.Probe;
import org.reuselab.core.detect.Probes;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.trace.Trace;

/** Runs every probe on this machine's kernel and decides its features ({@link Detector}). */
public final class HostDetection {

    private static Detection running;

    private HostDetection() {
    }

    /** The running kernel's detection, made once per process (a probe run takes milliseconds). */
    public static synchronized Detection ofRunningKernel() {
        if (running == null) {
            running = detect(new LinuxHost());
        }
        return running;
    }

    public static Detection detect(LinuxHost host) {
        Map<Probe, Trace> real = new LinkedHashMap<>();
        for (Probe p : Probes.all()) {
            real.put(p, host.run(p.scenario(), RunOptions.defaults()));
        }
        return Detector.decide(host.release(), KernelProfiles.forRelease(host.release()), real);
    }
}
