package org.reuselab.core.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * The documentation of every {@link Feature}, read from {@code features.json} in the jar: what it
 * changes, the kernel function and commit it comes from, how well that is established, and its
 * history over the modelled lines ({@code {"3.10": "false", "5.14": "true"}}: the value from that
 * line on; a test keeps it equal to the profile files). {@code reuselab profiles} prints them.
 */
public record ProfileFeature(Feature feature, String what, String source, Evidence evidence,
        SequencedMap<String, String> history) {

    public static final List<ProfileFeature> ALL = load();

    public String key() {
        return feature.key();
    }

    public static Optional<ProfileFeature> of(Feature f) {
        return ALL.stream().filter(d -> d.feature == f).findFirst();
    }

    private static List<ProfileFeature> load() {
        try (InputStream in = ProfileFeature.class.getResourceAsStream("features.json")) {
            if (in == null) {
                throw new IllegalStateException("features.json is missing from the jar");
            }
            JsonNode features = new ObjectMapper().readTree(in).get("features");
            List<ProfileFeature> out = new ArrayList<>();
            for (Feature f : Feature.values()) {
                JsonNode d = features.get(f.key());
                if (d == null) {
                    throw new IllegalStateException("features.json does not document feature " + f.key());
                }
                SequencedMap<String, String> history = new LinkedHashMap<>();
                d.path("history").properties().forEach(e -> history.put(e.getKey(), e.getValue().asText()));
                out.add(new ProfileFeature(f, d.get("what").asText(), d.get("source").asText(),
                        Evidence.valueOf(d.get("evidence").asText()), history));
            }
            List<String> extra = new ArrayList<>();
            features.fieldNames().forEachRemaining(k -> {
                if (Feature.byKey(k).isEmpty()) {
                    extra.add(k);
                }
            });
            if (!extra.isEmpty()) {
                throw new IllegalStateException("features.json documents unknown features " + extra);
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The history the line profiles give: each line whose value differs from the line before. */
    public static SequencedMap<String, String> historyOf(Feature f, List<KernelProfile> lines) {
        SequencedMap<String, String> out = new LinkedHashMap<>();
        String last = null;
        for (KernelProfile p : lines) {
            String v = p.valueText(f);
            if (!v.equals(last)) {
                out.put(p.name(), v);
                last = v;
            }
        }
        return out;
    }
}
