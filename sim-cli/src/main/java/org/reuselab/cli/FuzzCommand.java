package org.reuselab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.reuselab.core.compare.Comparison;
import org.reuselab.core.compare.KnownDifferences;
import org.reuselab.core.fuzz.ScenarioGenerator;
import org.reuselab.core.fuzz.Shrinker;
import org.reuselab.core.host.Host;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.host.SimHost;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.scenario.ScenarioReader;
import org.reuselab.core.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code reuselab fuzz}: random scenarios over tiny domains, run on the simulator and (where the
 * machine allows) on the real kernel; each divergence or model error is shrunk to a minimal
 * scenario file under scenarios/regressions/ with the command that reproduces it.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Random scenarios on the simulator and the real kernel; divergences are shrunk to files.",
        footer = {"", "Examples:", "  reuselab fuzz --count 500 --seed 1", "  reuselab fuzz --sim-only --count 100000",
                "  reuselab fuzz --time-limit 10m --count 20000",
                "  reuselab fuzz --kernel-image 6.1 --count 5000 --seed 1 --out /tmp/fuzz-6.1"})
final class FuzzCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1000", description = "scenarios (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "first seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--time-limit", paramLabel = "D", description = "stop after this long, e.g. 90s, 10m")
    String timeLimit;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "16", description = "steps per scenario at most")
    int maxSteps;

    @Option(names = "--sim-only", description = "run the simulator only (checks that the model never fails)")
    boolean simOnly;

    @Option(names = "--kernel", paramLabel = "PROFILE", description = "profile (default: the running kernel's)")
    String kernel;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "scenarios/regressions",
            description = "where shrunk scenarios go (default ${DEFAULT-VALUE})")
    Path out;

    @CommandLine.Mixin
    KernelImageOption image = new KernelImageOption();

    @CommandLine.Mixin
    ProfileOption profileFile = new ProfileOption();

    private final ScenarioReader reader = new ScenarioReader(new LinkedHashSet<>(KernelProfiles.names()));

    @Override
    public Integer call() throws IOException {
        Optional<Integer> relayed = image.relay(spec, List.of(out));
        if (relayed.isPresent()) {
            return relayed.get();
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Host> real = simOnly ? Optional.empty() : RealHosts.open(err);
        if (!simOnly && real.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        Optional<KernelProfile> chosen = profileFile.given() ? profileFile.read(err) : RealHosts.chosen(kernel, err);
        if (chosen.isEmpty()) {
            return profileFile.given() ? ExitCodes.BAD_INPUT : RealHosts.noProfileStatus(kernel);
        }
        String profile = chosen.get().name();
        RunOptions options = new RunOptions(chosen, java.util.OptionalLong.empty()).checkingInvariants();
        KnownDifferences known = KnownDifferences.load(Path.of("known-differences.json"));
        long deadline = timeLimit == null ? Long.MAX_VALUE : System.nanoTime() + parse(timeLimit).toNanos();
        long started = System.nanoTime();
        Progress progress = new Progress(System.console() != null, err, count);
        int done = 0;
        long steps = 0;
        int failures = 0;
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            Scenario s = ScenarioGenerator.scenario(seed + i, maxSteps);
            steps += s.steps().size();
            if (fails(s, real, options, known)) {
                failures++;
                writeShrunk(seed + i, real, options, known, o);
            }
            done++;
            progress.tick(done, failures);
        }
        progress.finish();
        double secs = (System.nanoTime() - started) / 1e9;
        o.printf("fuzz: %d scenarios, %d steps, %d divergences, %.0f scenarios/s (%s, profile %s, seeds %d..%d)%n",
                done, steps, failures, done / Math.max(secs, 1e-9), real.isPresent() ? "simulator vs real kernel"
                        : "simulator only", profile, seed, seed + done - 1);
        o.flush();
        return failures > 0 ? ExitCodes.EXPECTATION_FAILED : ExitCodes.OK;
    }

    private Optional<Scenario> read(ObjectNode json) {
        try {
            return Optional.of(reader.read(json.get("name").asText() + ".json", json.toString()));
        } catch (ScenarioException e) {
            return Optional.empty();
        }
    }

    /** A shrinking candidate fails when it is a valid scenario that fails. */
    private boolean fails(ObjectNode json, Optional<Host> real, RunOptions options, KnownDifferences known) {
        return read(json).map(s -> fails(s, real, options, known)).orElse(false);
    }

    /** A model error, or (with a real kernel) a divergence that is not a listed known difference. */
    private boolean fails(Scenario s, Optional<Host> real, RunOptions options, KnownDifferences known) {
        try {
            Trace sim = new SimHost().run(s, options);
            if (real.isEmpty()) {
                return sim.entries().isEmpty();
            }
            Trace r = real.get().run(s, options);
            return !Comparison.of(s, r, options, known).agrees();
        } catch (RuntimeException modelError) {
            return true;
        }
    }

    /** How a reproducing command names the profile: the same file, or the same name. */
    private String profileArg(RunOptions options) {
        return profileFile.given() ? "--profile " + profileFile.file : "--kernel " + options.kernel().orElseThrow().name();
    }

    /**
     * Shrinks the file of a failing seed. Shrinking runs files only, from the first candidate on, so
     * the file written is one that failed.
     */
    private void writeShrunk(long failing, Optional<Host> real, RunOptions options, KnownDifferences known,
            PrintWriter o) throws IOException {
        ObjectNode json = ScenarioGenerator.json(failing, maxSteps);
        if (!fails(json, real, options, known)) {
            o.println("divergence: seed " + failing + " did not fail again from its file; reproduce with: "
                    + "reuselab fuzz" + (real.isPresent() ? "" : " --sim-only") + " --seed " + failing
                    + " --count 1 --max-steps " + maxSteps + " " + profileArg(options));
            return;
        }
        ObjectNode small = Shrinker.shrink(json, candidate -> fails(candidate, real, options, known));
        String name = small.get("name").asText();
        small.put("description", "Shrunk by reuselab fuzz from seed " + small.get("seed").asText()
                + ". Reproduce: reuselab compare " + GuestRelay.reproduceOption() + out.resolve(name + ".json") + " "
                + profileArg(options));
        Files.createDirectories(out);
        Path file = out.resolve(name + ".json");
        Files.writeString(file, small.toPrettyString() + "\n");
        o.println("divergence: " + file + " (" + small.get("steps").size() + " steps); reproduce with: reuselab "
                + (real.isPresent() ? "compare " + GuestRelay.reproduceOption() : "run ") + file);
    }

    static Duration parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        long n = Long.parseLong(t.replaceAll("[a-z]+$", ""));
        return t.endsWith("ms") ? Duration.ofMillis(n) : t.endsWith("h") ? Duration.ofHours(n)
                : t.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
    }
}
