package org.reuselab.core.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.reuselab.core.kernel.Feature;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.scenario.ScenarioReader;

/**
 * A small scenario whose outcomes differ with the value of one profile feature: run on a kernel,
 * it tells which value that kernel has. It is a file of the scenario library ({@code file} is its
 * path under {@code scenarios/}), which the jar carries.
 */
public record Probe(Feature feature, String file) {

    /** The scenario, read from the jar. */
    public Scenario scenario() {
        try {
            return new ScenarioReader(java.util.Set.copyOf(KernelProfiles.names())).read("scenarios/" + file, text());
        } catch (ScenarioException e) {
            throw new IllegalStateException("probe file " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    /** The file's text, as the jar carries it. */
    public String text() {
        String resource = "/org/reuselab/library/" + file;
        try (InputStream in = Probe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("probe file missing from the jar: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
