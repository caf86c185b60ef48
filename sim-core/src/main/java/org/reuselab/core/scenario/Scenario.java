package org.reuselab.core.scenario;

import java.util.List;
import java.util.Optional;

/**
 * A parsed, validated scenario file. {@code kernels} (an extension) lists the profiles the file
 * runs on, each in turn; it is empty when the file names one {@code kernel} or none.
 */
public record Scenario(String file, String name, Optional<String> description, Optional<String> kernel,
        List<String> kernels, long seed, List<SysctlSetting> sysctls, List<InterfaceDef> interfaces,
        List<Step> steps) {

    public Scenario {
        kernels = List.copyOf(kernels);
        sysctls = List.copyOf(sysctls);
        interfaces = List.copyOf(interfaces);
        steps = List.copyOf(steps);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(file, name, description, kernel, kernels, newSeed, sysctls, interfaces, steps);
    }

    public Scenario withKernel(String profile) {
        return new Scenario(file, name, description, Optional.of(profile), List.of(), seed, sysctls, interfaces, steps);
    }

    /** The profiles a run uses when the command line names none: the file's list, its one kernel, or none. */
    public List<String> profilesToRun() {
        if (!kernels.isEmpty()) {
            return kernels;
        }
        return kernel.map(List::of).orElse(List.of());
    }
}
