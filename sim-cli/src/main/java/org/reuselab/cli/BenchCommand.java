package org.reuselab.cli;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.reuselab.bench.BenchPlan;
import org.reuselab.bench.BenchSuite;
import org.reuselab.probe.LinuxHost;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reuselab bench}: every benchmark, printed as the Markdown tables of docs/performance.md;
 * {@code --jmh} runs the JMH harnesses instead.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the simulator and the real kernel, printed as Markdown tables.",
        footer = {"", "Examples:", "  reuselab bench                      the full set (docs/performance.md; about 15 min)",
                "  reuselab bench --plan quick --only handshake,ftp",
                "  reuselab bench --plan smoke          seconds: proves every benchmark runs (CI)",
                "  reuselab bench --kernel-image 6.12 --only kernel-ftp   the FTP case on a booted kernel",
                "  reuselab bench --jmh HandshakeBenchmark -p connections=100000"})
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--plan", paramLabel = "PLAN", defaultValue = "full",
            description = "full, quick or smoke (default: ${DEFAULT-VALUE})")
    String plan;

    @Option(names = "--only", paramLabel = "SECTIONS", split = ",",
            description = "some of: handshake, ftp, kernel-ftp, fuzz, startup (default: all)")
    List<String> only;

    @Option(names = "--no-real", description = "the simulator only, even where the real kernel could be measured")
    boolean noReal;

    @Option(names = "--jmh", description = "run the JMH benchmarks (sim-bench) with the JMH arguments that follow")
    boolean jmh;

    /** With --jmh, everything else on the line is JMH's (its own options included). */
    @CommandLine.Unmatched
    List<String> jmhArgs = new java.util.ArrayList<>();

    @CommandLine.Mixin
    KernelImageOption image = new KernelImageOption();

    @Override
    public Integer call() throws Exception {
        Optional<Integer> relayed = image.relay(spec, List.of());
        if (relayed.isPresent()) {
            return relayed.get();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (jmh) {
            org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
            return ExitCodes.OK;
        }
        if (!jmhArgs.isEmpty()) {
            err.println("reuselab bench: arguments " + jmhArgs + " are for --jmh only");
            return ExitCodes.BAD_INPUT;
        }
        BenchPlan p;
        try {
            p = BenchPlan.named(plan);
        } catch (IllegalArgumentException e) {
            err.println("reuselab bench: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Set<String> sections = new LinkedHashSet<>(only == null ? BenchSuite.SECTIONS : only);
        if (!BenchSuite.SECTIONS.containsAll(sections)) {
            err.println("reuselab bench: --only takes " + BenchSuite.SECTIONS + ", not " + sections);
            return ExitCodes.BAD_INPUT;
        }
        boolean real = !noReal && LinuxHost.unavailable().isEmpty();
        if (!noReal && !real) {
            err.println("reuselab bench: SKIPPED the real kernel: " + LinuxHost.unavailable().orElseThrow());
        }
        boolean ok = new BenchSuite(p, sections, real, home(), out).run();
        return ok ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }

    /** The checkout the running jar was built in (sim-cli/target/sim-cli.jar), for its launcher and scenarios. */
    private static Path home() throws URISyntaxException {
        Path jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getParent().getParent();
    }
}
