package org.reuselab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.scenario.ScenarioReader;

/** Reads the files a command names; reports every error of every file before giving up. */
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    /** The scenarios, or empty when any file had an error (all errors are printed to {@code err}). */
    static Optional<List<Scenario>> readAll(List<Path> files, PrintWriter err) {
        ScenarioReader reader = new ScenarioReader(new LinkedHashSet<>(KernelProfiles.names()));
        List<Scenario> out = new ArrayList<>();
        boolean bad = false;
        for (Path f : files) {
            try {
                out.add(reader.read(f));
            } catch (ScenarioException e) {
                err.print(e.format());
                bad = true;
            }
        }
        err.flush();
        return bad ? Optional.empty() : Optional.of(out);
    }
}
