package org.reuselab.core.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.reuselab.core.kernel.KernelVersion;
import org.reuselab.core.scenario.json.JsonValue.JsonArray;
import org.reuselab.core.scenario.json.JsonValue.JsonObject;
import org.reuselab.core.scenario.json.JsonValue;
import org.reuselab.core.text.Suggest;

/** The top-level object of a scenario file, with the defaults the format gives absent fields. */
final class TopLevelReader {

    private static final List<String> FIELDS = List.of("name", "description", "kernel", "kernels", "seed",
            "sysctl", "interfaces", "steps");
    private static final String EXAMPLE = "{\"steps\": [{\"op\": \"socket\", \"sock\": \"s1\"}]}";

    private final Set<String> profiles;
    private final Problems problems;

    TopLevelReader(Set<String> profiles, Problems problems) {
        this.profiles = profiles;
        this.problems = problems;
    }

    Optional<Scenario> read(String file, JsonValue root) {
        if (!(root instanceof JsonObject obj)) {
            problems.error(root.pos(), "a scenario must be a JSON object, got " + root.describe(), "write " + EXAMPLE);
            return Optional.empty();
        }
        Fields f = Fields.of(obj, "the top-level object", FIELDS, Optional.of(EXAMPLE), problems);
        String name = f.optString("name").orElse(defaultName(file));
        Optional<String> description = f.optString("description");
        Optional<String> kernel = f.opt("kernel").flatMap(this::kernel);
        List<String> kernels = f.opt("kernels").map(this::kernels).orElse(List.of());
        if (kernel.isPresent() && !kernels.isEmpty()) {
            problems.error(f.opt("kernels").orElseThrow().pos(), "a file names either \"kernel\" or \"kernels\", not both",
                    "\"kernels\": [\"4.4\", \"6.18\"] runs the file once per profile");
        }
        long seed = f.optLong("seed", Long.MIN_VALUE, Long.MAX_VALUE, 1L).orElse(1L);
        List<SysctlSetting> sysctls = f.opt("sysctl").map(v -> SysctlReader.all(v, problems)).orElse(List.of());
        List<InterfaceDef> ifaces = f.opt("interfaces").map(v -> InterfaceReader.all(v, problems))
                .orElse(InterfaceDef.DEFAULTS);
        List<Step> steps = f.req("steps").map(this::steps).orElse(List.of());
        return Optional.of(new Scenario(file, name, description, kernel, kernels, seed, sysctls, ifaces, steps));
    }

    private List<Step> steps(JsonValue v) {
        Optional<JsonArray> arr = Values.array(v, "\"steps\"", problems);
        if (arr.isPresent() && arr.get().items().isEmpty()) {
            problems.error(v.pos(), "\"steps\" is empty; a scenario needs at least one step", "write e.g. " + EXAMPLE);
        }
        NameFlow names = new NameFlow();
        StepReader reader = new StepReader(problems, names);
        List<Step> out = new ArrayList<>();
        List<JsonValue> items = arr.map(JsonArray::items).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            reader.read(items.get(i), i + 1).ifPresent(out::add);
        }
        NameChecker.check(names, problems);
        return out;
    }

    /** Extension: {@code "kernels": [...]} runs the file once on each profile named. */
    private List<String> kernels(JsonValue v) {
        Optional<JsonArray> arr = Values.array(v, "\"kernels\"", problems);
        List<String> out = new ArrayList<>();
        arr.ifPresent(a -> a.items().forEach(item -> kernel(item).ifPresent(out::add)));
        if (arr.isPresent() && arr.get().items().isEmpty()) {
            problems.error(v.pos(), "\"kernels\" is empty", "name at least one profile, e.g. [\"6.18\"]");
        }
        return out;
    }

    private Optional<String> kernel(JsonValue v) {
        Optional<String> k = Values.string(v, "\"kernel\"", problems);
        if (k.isPresent() && !profiles.contains(k.get())) {
            List<String> known = sortedByVersion(profiles);
            problems.error(v.pos(), "unknown kernel profile \"" + k.get() + "\"", known.isEmpty()
                    ? "no kernel profiles are known" : Suggest.hint(k.get(), known, "known profiles"));
            return Optional.empty();
        }
        return k;
    }

    /** Profile names in version order; names that are not versions come last, alphabetically. */
    static List<String> sortedByVersion(Set<String> names) {
        List<String> out = new ArrayList<>(names);
        out.sort(Comparator.comparing(TopLevelReader::version, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Comparator.naturalOrder()));
        return out;
    }

    private static KernelVersion version(String name) {
        try {
            return KernelVersion.parse(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String defaultName(String file) {
        String base = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        return base.endsWith(".json") ? base.substring(0, base.length() - ".json".length()) : base;
    }
}
