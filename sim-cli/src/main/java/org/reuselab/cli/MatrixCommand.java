package org.reuselab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.reuselab.core.compare.KnownDifferences;
import org.reuselab.core.host.Host;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.probe.LinuxHost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code reuselab matrix FILE... --kernels 6.1,6.12,host}: compare on each kernel (booted ones
 * under qemu, one boot each), then per step the outcome on each real kernel next to the
 * simulator's prediction under that kernel's profile.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"Run files on several real kernels (Debian's, booted under qemu, and this machine's) and",
                "print per step each kernel's outcome next to its profile's prediction, marking where",
                "kernels differ from each other and where a model differs from its kernel."},
        footer = {"", "Examples:", "  reuselab matrix scenarios/bind/*.json --kernels 6.1,6.12,host",
                "  reuselab matrix scenarios/reload/reload-matrix.json --kernels 6.1,host --all-steps", "",
                "Exit status: 0 every model agrees with its kernel (or the difference is listed as known),",
                "1 an unexplained difference, 2 bad input or a kernel that cannot be run here."})
final class MatrixCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "scenario files")
    List<Path> files;

    @Option(names = "--kernels", paramLabel = "K,K...", split = ",", defaultValue = "6.1,6.12,host",
            description = "kernel lines booted from Debian's packages, and 'host' (default ${DEFAULT-VALUE})")
    List<String> kernels;

    @Option(names = "--seed", paramLabel = "N", description = "seed for the draws the real kernels do not reveal")
    Long seed;

    @Option(names = "--all-steps", description = "print every step, not only those marked")
    boolean allSteps;

    @Option(names = "--known", paramLabel = "FILE", defaultValue = "known-differences.json",
            description = "the list of known differences (default ${DEFAULT-VALUE})")
    Path knownFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<List<Scenario>> read = ScenarioFiles.readAll(files, err);
        if (read.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        List<KernelMatrix.Column> columns = new ArrayList<>();
        for (String k : kernels) {
            Optional<KernelComparison> c = GuestRelay.HOST.equals(k) ? onHost(read.get(), err) : inGuest(k, err);
            if (c.isEmpty()) {
                return ExitCodes.BAD_INPUT;
            }
            columns.add(new KernelMatrix.Column(k, c.get()));
        }
        KernelMatrix m = KernelMatrix.of(columns);
        MatrixText.print(m, allSteps, out);
        out.flush();
        return m.unexplainedModelDifferences() > 0 ? ExitCodes.EXPECTATION_FAILED : ExitCodes.OK;
    }

    private Optional<KernelComparison> onHost(List<Scenario> scenarios, PrintWriter err) throws IOException {
        Optional<Host> real = RealHosts.open(err);
        if (real.isEmpty()) {
            return Optional.empty();
        }
        err.println("reuselab: comparing on this machine's kernel");
        err.flush();
        Optional<org.reuselab.core.kernel.KernelProfile> profile = RealHosts.profileOfRunningKernel(err);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CompareRun.run((LinuxHost) real.get(), scenarios, profile.get(),
                seed == null ? OptionalLong.empty() : OptionalLong.of(seed), KnownDifferences.load(knownFile), c -> {
                }));
    }

    private Optional<KernelComparison> inGuest(String kernel, PrintWriter err) {
        List<String> args = new ArrayList<>(List.of("compare", "--format", "json", "--known", knownFile.toString()));
        if (seed != null) {
            args.addAll(List.of("--seed", seed.toString()));
        }
        files.forEach(f -> args.add(f.toString()));
        try {
            GuestRelay.Run r = GuestRelay.capture(kernel, args, err);
            if (r.exit() != ExitCodes.OK && r.exit() != ExitCodes.EXPECTATION_FAILED) {
                err.println("reuselab matrix: compare on linux " + r.release() + " failed (exit " + r.exit() + ")");
                return Optional.empty();
            }
            return Optional.of(CompareJson.parse(r.stdout()));
        } catch (org.reuselab.probe.vm.VmUnavailableException e) {
            err.println("reuselab: " + e.getMessage());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            err.println("reuselab matrix: the guest's compare printed no comparison: " + e.getMessage());
            return Optional.empty();
        } finally {
            err.flush();
        }
    }
}
