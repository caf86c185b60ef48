package org.reuselab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.host.ScenarioRuntimeException;
import org.reuselab.core.host.SimHost;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code reuselab run FILE...}: runs scenarios on the simulator and checks their expectations. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run scenario files on the simulator, print the trace and check the expectations.",
        footer = {"", "Examples:", "  reuselab run scenarios/bind/06-reuseaddr-vs-listener.json --explain",
                "  reuselab run scenarios/bind/*.json --kernel 5.10 --quiet",
                "  reuselab run scenarios/reuseport/seed-three-reuseport-servers.json --seed 7 --format json"})
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "scenario files")
    List<Path> files;

    @Option(names = "--kernel", paramLabel = "PROFILE",
            description = "kernel profile (overrides the file's; see 'reuselab profiles')")
    String kernel;

    @Option(names = "--seed", paramLabel = "N", description = "seed for every random choice (overrides the file's)")
    Long seed;

    @Option(names = "--check-invariants", description = {"check the model's own invariants after every step; a broken one",
            "is a bug in the model (exit 3)"})
    boolean checkInvariants;

    @CommandLine.Mixin
    TraceOutputOptions output = new TraceOutputOptions();

    @CommandLine.Mixin
    ProfileOption profile = new ProfileOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (kernel != null && KernelProfiles.byName(kernel).isEmpty()) {
            err.println("reuselab: unknown kernel profile '" + kernel + "' (known: "
                    + String.join(", ", KernelProfiles.names()) + ")");
            return ExitCodes.BAD_INPUT;
        }
        Optional<KernelProfile> own = profile.read(err);
        if (profile.given() && own.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        if (output.badDetail().isPresent()) {
            err.println(output.badDetail().get());
            return ExitCodes.BAD_INPUT;
        }
        Optional<List<Scenario>> read = ScenarioFiles.readAll(files, err);
        if (read.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        RunOptions options = new RunOptions(own.or(() -> Optional.ofNullable(kernel).flatMap(KernelProfiles::byName)),
                seed == null ? OptionalLong.empty() : OptionalLong.of(seed), output.detail(), checkInvariants);
        long passed = 0;
        long failed = 0;
        int runs = 0;
        for (Scenario s : read.get()) {
            for (Scenario onProfile : perProfile(s)) {
                Optional<Trace> t = runOne(onProfile, options, err);
                if (t.isEmpty()) {
                    return lastStatus;
                }
                print(t.get(), out);
                passed += t.get().passedChecks();
                failed += t.get().failedChecks();
                runs++;
            }
        }
        out.println(read.get().size() + " scenario file(s), " + runs + " run(s): " + passed + " passed, " + failed
                + " failed");
        out.flush();
        return failed > 0 ? ExitCodes.EXPECTATION_FAILED : ExitCodes.OK;
    }

    private int lastStatus = ExitCodes.OK;

    /** One scenario per profile to run: --kernel, else the file's "kernels" or "kernel", else the newest. */
    private List<Scenario> perProfile(Scenario s) {
        if (profile.given()) {
            return List.of(s);
        }
        if (kernel != null) {
            return List.of(s.withKernel(kernel));
        }
        List<String> names = s.profilesToRun();
        return names.isEmpty() ? List.of(s) : names.stream().map(s::withKernel).toList();
    }

    private Optional<Trace> runOne(Scenario s, RunOptions options, PrintWriter err) {
        long usedSeed = options.seed().orElse(s.seed());
        try {
            return Optional.of(new SimHost().run(s, options));
        } catch (ScenarioRuntimeException e) {
            err.println(s.file() + ":" + e.pos().line() + ":" + e.pos().column() + ": error: " + e.getMessage()
                    + " at " + (e.pos().pointer().isEmpty() ? "/" : e.pos().pointer()));
            lastStatus = ExitCodes.BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("reuselab: internal error in the model (a bug, please report it): " + e);
            err.println("  reproduce with: reuselab run " + s.file() + " --seed " + usedSeed
                    + options.kernel().map(k -> (profile.given() ? " --profile " + profile.file : " --kernel " + k))
                    .orElse("") + (checkInvariants ? " --check-invariants" : ""));
            StackTraceElement[] where = e.getStackTrace();
            if (where.length > 0) {
                err.println("  at " + where[0]);
            }
            lastStatus = ExitCodes.MODEL_BUG;
        }
        err.flush();
        return Optional.empty();
    }

    private void print(Trace t, PrintWriter out) {
        output.print(t, out);
    }
}
