package org.reuselab.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.kernel.KernelVersion;
import org.reuselab.core.kernel.VersionRange;

/**
 * The one list of places where the model knowingly differs from a real kernel
 * ({@code known-differences.json}): file, step, the kernel versions it applies to, and why.
 * A comparison reports a listed divergence as a known difference, never as agreement.
 */
public final class KnownDifferences {

    /** One listed difference. */
    public record Entry(String file, int step, VersionRange kernels, String reason) {
    }

    private final List<Entry> entries;

    public KnownDifferences(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static KnownDifferences none() {
        return new KnownDifferences(List.of());
    }

    public static KnownDifferences load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return none();
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Entry> out = new ArrayList<>();
        for (JsonNode e : root.path("differences")) {
            out.add(new Entry(e.get("file").asText(), e.get("step").asInt(), VersionRange.parse(e.get("kernels").asText()),
                    e.get("reason").asText()));
        }
        return new KnownDifferences(out);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Why this step of this file differs on this kernel, if it is listed. */
    public Optional<String> reason(String file, int step, String kernel) {
        KernelVersion v = KernelVersion.parse(kernel);
        return entries.stream().filter(e -> file.endsWith(e.file()) && e.step() == step && e.kernels().admits(v))
                .map(Entry::reason).findFirst();
    }
}
