package org.reuselab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.compare.StepComparison;

/**
 * {@code compare --format json}: per file, per step the call, both outcomes, the verdict, the
 * model's rule and a known difference's reason; with the real kernel's release and the profile.
 * Written by compare, read back by matrix.
 */
final class CompareJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CompareJson() {
    }

    static String format(KernelComparison k) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("release", k.release());
        root.put("profile", k.profile());
        ArrayNode files = root.putArray("files");
        for (KernelComparison.FileComparison f : k.files()) {
            ObjectNode fn = files.addObject();
            fn.put("file", f.file());
            fn.put("agrees", f.agrees());
            ArrayNode steps = fn.putArray("steps");
            for (StepComparison s : f.steps()) {
                ObjectNode sn = steps.addObject();
                sn.put("step", s.step());
                sn.put("call", s.call());
                sn.put("verdict", s.verdict().name());
                sn.put("real", s.real());
                sn.put("sim", s.sim());
                s.rule().ifPresent(r -> sn.put("rule", r));
                s.knownReason().ifPresent(r -> sn.put("known", r));
            }
            ArrayNode findings = fn.putArray("findings");
            f.findings().forEach(findings::add);
        }
        root.put("agreeing", k.agreeing());
        root.put("diverging", k.diverging());
        try {
            return MAPPER.writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("comparison could not be written as JSON", e);
        }
    }

    /** Reads what {@link #format} wrote; throws {@link IllegalArgumentException} on anything else. */
    static KernelComparison parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not the JSON of reuselab compare: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.has("release") || !root.has("files")) {
            throw new IllegalArgumentException("not the JSON of reuselab compare (no release or files)");
        }
        List<KernelComparison.FileComparison> files = new ArrayList<>();
        for (JsonNode f : root.get("files")) {
            List<StepComparison> steps = new ArrayList<>();
            for (JsonNode s : f.get("steps")) {
                steps.add(new StepComparison(s.get("step").asInt(), s.get("call").asText(),
                        StepComparison.Verdict.valueOf(s.get("verdict").asText()), s.get("real").asText(),
                        s.get("sim").asText(), text(s, "rule"), text(s, "known")));
            }
            List<String> findings = new ArrayList<>();
            f.path("findings").forEach(x -> findings.add(x.asText()));
            files.add(new KernelComparison.FileComparison(f.get("file").asText(), f.get("agrees").asBoolean(), steps,
                    findings));
        }
        return new KernelComparison(root.get("release").asText(), root.get("profile").asText(), files);
    }

    private static Optional<String> text(JsonNode n, String field) {
        return n.has(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
    }
}
