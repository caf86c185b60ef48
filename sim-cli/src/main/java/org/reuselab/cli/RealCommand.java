package org.reuselab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.host.ScenarioRuntimeException;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.trace.Trace;
import org.reuselab.probe.LinuxHost;
import org.reuselab.probe.ProbeException;
import org.reuselab.probe.ProbeUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code reuselab real FILE...}: runs scenarios on this machine's kernel, each in a network namespace of its own. */
@Command(name = "real", mixinStandardHelpOptions = true,
        description = {"Run scenario files on this machine's real kernel (needs root and network namespaces):",
                "each file runs in a fresh, anonymous network namespace with TUN devices for its remote peers;",
                "the trace has the simulator's shape and the same expectations are checked."},
        footer = {"", "Examples:", "  sudo ./reuselab real scenarios/bind/01-plain-duplicate.json",
                "  sudo ./reuselab real scenarios/bind/*.json --quiet",
                "  sudo ./reuselab real scenarios/reuseport/seed-three-reuseport-servers.json --format json",
                "  sudo ./reuselab real --kernel-image 6.1 scenarios/bind/*.json --quiet",
                "", "Exit status: 0 all expectations held, 1 an expectation failed, 2 bad input or this machine",
                "cannot run scenarios on its kernel (the reason is printed in one line)."})
final class RealCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "scenario files")
    List<Path> files;

    @Option(names = "--seed", paramLabel = "N", description = "seed for the peers' initial sequence numbers")
    Long seed;

    @CommandLine.Mixin
    TraceOutputOptions output = new TraceOutputOptions();

    @CommandLine.Mixin
    KernelImageOption image = new KernelImageOption();

    @CommandLine.Mixin
    ProfileOption profile = new ProfileOption();

    @Override
    public Integer call() {
        Optional<Integer> relayed = image.relay(spec, List.of());
        if (relayed.isPresent()) {
            return relayed.get();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output.badDetail().isPresent()) {
            err.println(output.badDetail().get());
            return ExitCodes.BAD_INPUT;
        }
        Optional<List<Scenario>> read = ScenarioFiles.readAll(files, err);
        if (read.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        Optional<org.reuselab.core.host.Host> real = RealHosts.open(err);
        if (real.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        Optional<org.reuselab.core.kernel.KernelProfile> own = profile.read(err);
        if (profile.given() && own.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        LinuxHost host = own.map(((LinuxHost) real.get())::describedBy).orElse((LinuxHost) real.get());
        RunOptions options = new RunOptions(Optional.empty(),
                seed == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(seed), output.detail());
        long passed = 0;
        long failed = 0;
        for (Scenario s : read.get()) {
            Optional<Trace> t = runOne(host, s, options, err);
            if (t.isEmpty()) {
                return ExitCodes.BAD_INPUT;
            }
            print(t.get(), out);
            passed += t.get().passedChecks();
            failed += t.get().failedChecks();
        }
        out.println(read.get().size() + " scenario file(s) on linux " + host.release() + ": " + passed + " passed, "
                + failed + " failed");
        out.flush();
        return failed > 0 ? ExitCodes.EXPECTATION_FAILED : ExitCodes.OK;
    }

    private static Optional<Trace> runOne(LinuxHost host, Scenario s, RunOptions options, PrintWriter err) {
        try {
            return Optional.of(host.run(s, options));
        } catch (ScenarioRuntimeException e) {
            err.println(s.file() + ":" + e.pos().line() + ":" + e.pos().column() + ": error: " + e.getMessage()
                    + " at " + (e.pos().pointer().isEmpty() ? "/" : e.pos().pointer()));
        } catch (ProbeUnavailableException e) {
            err.println(e.getMessage());
        } catch (ProbeException e) {
            err.println("reuselab real: " + s.file() + ": " + e.getMessage());
        }
        err.flush();
        return Optional.empty();
    }

    private void print(Trace t, PrintWriter out) {
        output.print(t, out);
    }
}
