package org.reuselab.probe;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.host.Host;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.host.TraceDetail;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.kernel.KernelVersion;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.Step;
import org.reuselab.core.trace.EventSummary;
import org.reuselab.core.trace.Trace;
import org.reuselab.core.trace.TraceEntry;

/**
 * The real kernel: runs a scenario's steps as Linux syscalls (Java FFM) on a dedicated thread in a
 * network namespace of its own, with remote peers behind TUN devices. The trace has the simulator's
 * shape; entries carry no {@code why} (the kernel does not say which rule decided).
 */
public final class LinuxHost implements Host {

    /** Time allowed for a run besides its {@code advance} steps and connect timeouts. */
    private static final Duration BASE_LIMIT = Duration.ofMinutes(5);

    private final String release;
    private final KernelProfile profile;

    /** This machine's kernel, its expectations judged with the profile of its version line. */
    public LinuxHost() {
        this(System.getProperty("os.version"));
    }

    LinuxHost(String release) {
        this(release, KernelProfiles.forRelease(release));
    }

    private LinuxHost(String release, KernelProfile profile) {
        this.release = release;
        this.profile = profile;
    }

    /**
     * The same kernel, its expectations judged with {@code profile} (the detected one: a
     * feature-keyed expectation needs the feature's value on this build, not its version line's).
     */
    public LinuxHost describedBy(KernelProfile describing) {
        return new LinuxHost(release, describing);
    }

    /** The profile that judges this kernel's expectations. */
    public KernelProfile profile() {
        return profile;
    }

    /** {@code linux 6.18.44-...}: the running kernel's release, as {@code uname -r} prints it. */
    public String release() {
        return release;
    }

    public KernelVersion version() {
        return KernelVersion.parse(release);
    }

    /**
     * Why this machine cannot run scenarios on its kernel, in one line, or empty if it can: tries
     * unshare(CLONE_NEWNET) and a TUN device on a throwaway thread, and looks for iproute2.
     */
    public static Optional<String> unavailable() {
        if (!"Linux".equals(System.getProperty("os.name"))) {
            return Optional.of(NetnsThread.NEEDS + " (this is " + System.getProperty("os.name") + ", not Linux)");
        }
        Optional<String> tools = NamespaceSetup.toolsMissing();
        if (tools.isPresent()) {
            return tools;
        }
        try {
            NetnsThread.call(Duration.ofSeconds(30), () -> {
                Tun.open("probe0").close();
                return Boolean.TRUE;
            });
            return Optional.empty();
        } catch (ProbeUnavailableException e) {
            return Optional.of(e.getMessage());
        } catch (UnsupportedOperationException | IllegalCallerException e) {
            return Optional.of(NetnsThread.NEEDS + " (native access: " + e.getMessage() + ")");
        }
    }

    @Override
    public Trace run(Scenario scenario, RunOptions options) {
        long seed = options.seed().orElse(scenario.seed());
        KernelVersion version = version();
        List<TraceEntry> entries = NetnsThread.call(limit(scenario),
                () -> new ProbeRun(scenario, seed, profile).execute());
        if (options.detail() == TraceDetail.SUMMARY) {
            entries = entries.stream().map(e -> new TraceEntry(e.step(), e.call(), e.outcome(), e.why(),
                    EventSummary.of(e.events()), e.checks())).toList();
        }
        return new Trace(scenario.name(), scenario.file(), "linux " + release, version.toString(), seed, entries);
    }

    private static Duration limit(Scenario s) {
        long ms = 0;
        for (Step step : s.steps()) {
            ms += switch (step) {
                case Step.Advance a -> a.ms();
                case Step.Connect c -> (long) c.timeoutMs() * c.count().orElse(1);
                case Step.Handshake h -> h.count().orElse(0);
                default -> 0;
            };
        }
        return BASE_LIMIT.plusMillis(ms);
    }
}
