package org.reuselab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.reuselab.core.compare.Comparison;
import org.reuselab.core.compare.KnownDifferences;
import org.reuselab.core.compare.StepComparison;
import org.reuselab.core.host.Host;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.probe.LinuxHost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code reuselab compare FILE...}: each file on the real kernel and on the simulator fed with the
 * values the kernel drew; per step, agreement or the divergence with both outcomes and the rule.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run files on the real kernel and the simulator; report where they part ways.",
        footer = {"", "Examples:", "  reuselab compare scenarios/bind/*.json",
                "  reuselab compare scenarios/reload/*.json --kernel 6.12 --all-steps",
                "  reuselab compare --kernel-image 6.1 scenarios/bind/*.json",
                "  reuselab compare --format json scenarios/bind/01-plain-duplicate.json"})
final class CompareCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "scenario files")
    List<Path> files;

    @Option(names = "--kernel", paramLabel = "PROFILE",
            description = "the simulator's profile (default: the one that models the running kernel)")
    String kernel;

    @Option(names = "--seed", paramLabel = "N", description = "seed for the draws the real kernel does not reveal")
    Long seed;

    @Option(names = "--all-steps", description = "print every step, not only divergences")
    boolean allSteps;

    @Option(names = "--known", paramLabel = "FILE", defaultValue = "known-differences.json",
            description = "the list of known differences (default ${DEFAULT-VALUE})")
    Path knownFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (per file, per step: call, both outcomes, verdict, rule; default ${DEFAULT-VALUE})")
    TracePrinter.Format format;

    @CommandLine.Mixin
    KernelImageOption image = new KernelImageOption();

    @CommandLine.Mixin
    ProfileOption profileFile = new ProfileOption();

    @Override
    public Integer call() throws IOException {
        Optional<Integer> relayed = image.relay(spec, List.of());
        if (relayed.isPresent()) {
            return relayed.get();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<List<Scenario>> read = ScenarioFiles.readAll(files, err);
        if (read.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        Optional<Host> real = RealHosts.open(err);
        if (real.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        Optional<KernelProfile> chosen = profileFile.given() ? profileFile.read(err) : RealHosts.chosen(kernel, err);
        if (chosen.isEmpty()) {
            return profileFile.given() ? ExitCodes.BAD_INPUT : RealHosts.noProfileStatus(kernel);
        }
        String profile = chosen.get().name();
        KernelComparison k = CompareRun.run((LinuxHost) real.get(), read.get(), chosen.get(),
                seed == null ? OptionalLong.empty() : OptionalLong.of(seed), KnownDifferences.load(knownFile),
                c -> {
                    if (format == TracePrinter.Format.text) {
                        print(c, out);
                        out.flush();
                    }
                });
        if (format == TracePrinter.Format.json) {
            out.print(CompareJson.format(k));
        } else {
            out.println("compare (linux " + k.release() + " vs profile " + profile + "): " + k.agreeing() + " passed, "
                    + k.diverging() + " failed");
        }
        out.flush();
        return k.diverging() > 0 ? ExitCodes.EXPECTATION_FAILED : ExitCodes.OK;
    }

    private void print(Comparison c, PrintWriter out) {
        out.println(c.real().file() + ": " + c.real().host() + " vs sim " + c.sim().kernel() + ": "
                + (c.agrees() ? "agree" : c.divergences() + " divergent step(s)")
                + (c.known() > 0 ? ", " + c.known() + " known difference(s)" : "")
                + (c.undetermined() > 0 ? ", " + c.undetermined() + " step(s) undetermined (a draw the kernel did not "
                        + "reveal)" : ""));
        for (StepComparison x : c.steps()) {
            boolean show = allSteps || x.verdict() == StepComparison.Verdict.DIVERGE
                    || x.verdict() == StepComparison.Verdict.KNOWN_DIFFERENCE
                    || x.verdict() == StepComparison.Verdict.UNDETERMINED;
            if (!show) {
                continue;
            }
            out.printf("  %4d %-9s %s%n", x.step(), label(x.verdict()), x.call());
            if (x.verdict() != StepComparison.Verdict.AGREE) {
                out.println("       real: " + x.real());
                out.println("       sim:  " + x.sim() + x.rule().map(r -> "  [" + r + "]").orElse(""));
                x.knownReason().ifPresent(r -> out.println("       known difference: " + r));
            }
        }
        c.findings().forEach(f -> out.println("  finding: " + f));
    }

    private static String label(StepComparison.Verdict v) {
        return switch (v) {
            case AGREE -> "agree";
            case DIVERGE -> "DIVERGE";
            case KNOWN_DIFFERENCE -> "known";
            case NOT_COMPARED -> "skipped";
            case UNDETERMINED -> "undetermined";
        };
    }
}
