package org.reuselab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.reuselab.core.detect.Detection;
import org.reuselab.core.kernel.ProfileFiles;
import org.reuselab.probe.HostDetection;
import org.reuselab.probe.LinuxHost;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code reuselab detect}: runs every probe on the running kernel, prints the nearest named
 * profile and every feature where the kernel differs from it, with the probe that shows it.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Decide the running kernel's profile features by probing it (needs root and network namespaces).",
                "Exit 0 when a named profile describes every probed feature, 1 when none does."},
        footer = {"", "Examples:", "  sudo ./reuselab detect", "  sudo ./reuselab detect --kernel-image 6.12",
                "  sudo ./reuselab detect --out my-kernel.json && ./reuselab run --profile my-kernel.json FILE"})
final class DetectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    KernelImageOption image = new KernelImageOption();

    @CommandLine.Option(names = "--out", paramLabel = "FILE",
            description = "write the detected profile there (the nearest profile with every detected difference), for --profile")
    Path outFile;

    @Override
    public Integer call() {
        Optional<Integer> relayed = image.relay(spec, outFile == null ? List.of()
                : List.of(outFile.toAbsolutePath().getParent()));
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
        Detection d = HostDetection.detectAnew();
        DetectText.print(d, out);
        if (outFile != null) {
            try {
                Files.writeString(outFile, ProfileFiles.write(d.detected(), "Detected on linux " + d.release()
                        + ": profile " + d.nearest().name() + (d.differences().isEmpty() ? "" : " with "
                        + d.differences().size() + " difference(s) found by probes")));
                out.println("profile written to " + outFile);
            } catch (IOException e) {
                err.println("reuselab detect: cannot write " + outFile + ": " + e.getMessage());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
        }
        out.flush();
        return d.matchesNamedProfile() ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }
}
