package org.reuselab.core.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.kernel.ProfileFeature;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.scenario.ScenarioReader;

/**
 * A small scenario whose outcomes differ with the value of one profile feature: run on a kernel,
 * it tells which value that kernel has. The file ships in the jar ({@code detect/<feature>.json}).
 */
public record Probe(ProfileFeature feature, String file) {

    /** The scenario, read from the jar. */
    public Scenario scenario() {
        String resource = "/org/reuselab/core/detect/" + file;
        try (InputStream in = Probe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("probe file missing from the jar: " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ScenarioReader(java.util.Set.copyOf(KernelProfiles.names())).read("detect/" + file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScenarioException e) {
            throw new IllegalStateException("probe file " + file + " is invalid: " + e.getMessage(), e);
        }
    }
}
