package org.reuselab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.reuselab.core.compare.Comparison;
import org.reuselab.core.compare.KnownDifferences;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.probe.LinuxHost;

/** Runs files on this machine's kernel and on the simulator under a profile; the comparisons, file by file. */
final class CompareRun {

    private CompareRun() {
    }

    /** Each comparison is handed to {@code each} as it is made (compare prints as it goes). */
    static KernelComparison run(LinuxHost real, List<Scenario> scenarios, KernelProfile profile, OptionalLong seed,
            KnownDifferences known, java.util.function.Consumer<Comparison> each) {
        RunOptions options = new RunOptions(Optional.of(profile), seed);
        List<KernelComparison.FileComparison> files = new ArrayList<>();
        for (Scenario s : scenarios) {
            Comparison c = Comparison.of(s, real.run(s, options), options, known);
            each.accept(c);
            files.add(new KernelComparison.FileComparison(s.file(), c.agrees(), c.steps(), c.findings()));
        }
        return new KernelComparison(real.release(), profile.name(), files);
    }
}
