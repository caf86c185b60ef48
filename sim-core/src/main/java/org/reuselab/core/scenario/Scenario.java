package org.reuselab.core.scenario;

import java.util.List;
import java.util.Optional;

/** A parsed, validated scenario file. */
public record Scenario(String file, String name, Optional<String> description, Optional<String> kernel,
        long seed, List<SysctlSetting> sysctls, List<InterfaceDef> interfaces, List<Step> steps) {

    public Scenario {
        sysctls = List.copyOf(sysctls);
        interfaces = List.copyOf(interfaces);
        steps = List.copyOf(steps);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(file, name, description, kernel, newSeed, sysctls, interfaces, steps);
    }

    public Scenario withKernel(String profile) {
        return new Scenario(file, name, description, Optional.of(profile), seed, sysctls, interfaces, steps);
    }
}
