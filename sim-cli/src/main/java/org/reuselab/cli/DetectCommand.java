package org.reuselab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.reuselab.core.detect.Detection;
import org.reuselab.probe.HostDetection;
import org.reuselab.probe.LinuxHost;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code reuselab detect}: runs every probe on the running kernel, prints the nearest named
 * profile and every feature where the kernel differs from it, with the probe that shows it.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Decide the running kernel's profile features by probing it (needs root and network namespaces).",
                "Exit 0 when a named profile describes every probed feature, 1 when none does."},
        footer = {"", "Examples:", "  sudo ./reuselab detect", "  sudo ./reuselab detect --kernel-image 6.12"})
final class DetectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    KernelImageOption image = new KernelImageOption();

    @Override
    public Integer call() {
        Optional<Integer> relayed = image.relay(spec, List.of());
        if (relayed.isPresent()) {
            return relayed.get();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> why = LinuxHost.unavailable();
        if (why.isPresent()) {
            err.println(why.get());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        Detection d = HostDetection.ofRunningKernel();
        DetectText.print(d, out);
        out.flush();
        return d.matchesNamedProfile() ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }
}
