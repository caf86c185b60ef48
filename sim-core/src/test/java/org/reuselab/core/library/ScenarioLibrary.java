package org.reuselab.core.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.host.SimHost;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.scenario.ScenarioReader;
import org.reuselab.core.trace.Trace;

/** The scenario library (scenarios/**, without invalid/), read and run as the command runs it. */
final class ScenarioLibrary {

    /** The repository's scenarios directory, seen from the module directory tests run in. */
    static final Path ROOT = Path.of("../scenarios");
    private static final ScenarioReader READER = new ScenarioReader(Set.copyOf(KernelProfiles.names()));

    private ScenarioLibrary() {
    }

    /** Every scenarios/AREA/NAME.json except scenarios/invalid/, sorted by path. */
    static List<Path> files() {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !ROOT.relativize(p).startsWith("invalid")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "scenarios/AREA/NAME.json": the name a file is read under, whatever the working directory. */
    static String displayName(Path file) {
        return "scenarios/" + ROOT.relativize(file).toString().replace('\\', '/');
    }

    static Scenario read(Path file) throws IOException, ScenarioException {
        return READER.read(displayName(file), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** One trace per profile the file names (its "kernels", its "kernel", or the newest). */
    static List<Trace> run(Scenario s) {
        List<String> profiles = s.profilesToRun();
        if (profiles.isEmpty()) {
            return List.of(new SimHost().run(s, RunOptions.defaults().checkingInvariants()));
        }
        return profiles.stream().map(p -> new SimHost().run(s.withKernel(p), RunOptions.defaults().checkingInvariants())).toList();
    }
}
