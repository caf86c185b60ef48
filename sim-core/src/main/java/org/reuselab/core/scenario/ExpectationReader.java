package org.reuselab.core.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.reuselab.core.kernel.Feature;
import org.reuselab.core.kernel.VersionRange;
import org.reuselab.core.net.Errno;
import org.reuselab.core.scenario.json.JsonValue.JsonObject;
import org.reuselab.core.scenario.json.JsonValue.JsonString;
import org.reuselab.core.scenario.json.JsonValue.Member;
import org.reuselab.core.scenario.json.JsonValue;
import org.reuselab.core.text.Suggest;

/** A step's {@code expect}: "ok" or an errno, an object of checks, or an object keyed by kernel versions. */
final class ExpectationReader {

    private static final List<String> RESULTS = Stream.concat(Stream.of("ok"),
            Arrays.stream(Errno.values()).map(Errno::name)).toList();
    /** Other names Linux gives to the same errno numbers. */
    private static final Map<String, String> ALIASES = Map.of("EWOULDBLOCK", "EAGAIN", "ENOTSUP", "EOPNOTSUPP");
    private static final String VERSION_FORMS = "version keys look like \"<5.14\", \">=4.4,<5.14\", \"=6.18\" or \"*\"";

    private final Problems problems;
    private final NameFlow names;

    ExpectationReader(Problems problems, NameFlow names) {
        this.problems = problems;
        this.names = names;
    }

    Optional<Expectation> read(JsonValue v, ExpectRules rules) {
        return read(v, rules, true);
    }

    private Optional<Expectation> read(JsonValue v, ExpectRules rules, boolean versionsAllowed) {
        return switch (v) {
            case JsonString s -> result(s, rules);
            case JsonObject o when isByKernel(o) -> versionsAllowed ? byKernel(o, rules) : nested(o);
            case JsonObject o -> new ChecksReader(problems, names, rules).read(o);
            default -> {
                problems.error(v.pos(), "\"expect\" must be \"ok\", an errno name or an object of checks, got "
                        + v.describe(), rules.checksHint());
                yield Optional.empty();
            }
        };
    }

    private Optional<Expectation> result(JsonString s, ExpectRules rules) {
        if (rules.outcomes().contains(s.value())) {
            return OutcomeWords.expand(s.value(), s.pos(), rules);
        }
        if (!rules.callResult()) {
            problems.error(s.pos(), rules.what() + " is not a call, so it has no result like \"" + s.value() + "\"",
                    rules.checksHint());
            return Optional.empty();
        }
        if (s.value().equals("ok")) {
            return Optional.of(new Expectation.Result(Optional.empty(), s.pos()));
        }
        Optional<Errno> errno = Errno.byName(s.value());
        if (errno.isEmpty()) {
            problems.error(s.pos(), "unknown errno \"" + s.value() + "\"", errnoHint(s.value()));
        }
        return errno.map(e -> new Expectation.Result(Optional.of(e), s.pos()));
    }

    private static String errnoHint(String input) {
        if (ALIASES.containsKey(input)) {
            return "on Linux " + input + " is the same number as " + ALIASES.get(input) + "; write \""
                    + ALIASES.get(input) + "\"";
        }
        String list = "closest known: " + String.join(", ", Suggest.nearest(input, RESULTS, 5))
                + "; \"ok\" means success";
        return Suggest.closest(input, RESULTS).map(c -> "did you mean \"" + c + "\"? " + list).orElse(list);
    }

    /** Keys that start like a version range; a digit too, so "5.14" hears "add an operator", not "unknown key". */
    private static boolean isVersionKey(String key) {
        return key.equals("*") || key.matches("[<>=0-9].*");
    }

    /** {@code feature=value}: no check key has an '='. */
    private static boolean isFeatureKey(String key) {
        return key.matches("[A-Za-z][A-Za-z0-9]*=.*");
    }

    private static boolean isKernelKey(String key) {
        return isVersionKey(key) || isFeatureKey(key);
    }

    private static boolean isByKernel(JsonObject o) {
        return o.members().stream().anyMatch(m -> isKernelKey(m.key()));
    }

    private Optional<Expectation> byKernel(JsonObject o, ExpectRules rules) {
        List<Expectation.Case> cases = new ArrayList<>();
        boolean ok = true;
        for (Member m : o.members()) {
            Optional<Expectation.Condition> when = condition(m);
            // a key that is no condition at all says nothing about its value; do not judge it
            Optional<Expectation> arm = isKernelKey(m.key()) ? read(m.value(), rules, false) : Optional.empty();
            when.flatMap(w -> arm.map(a -> new Expectation.Case(w, a))).ifPresent(cases::add);
            ok &= when.isPresent() && arm.isPresent();
        }
        return ok ? Optional.of(new Expectation.ByKernel(cases, o.pos())) : Optional.empty();
    }

    private Optional<Expectation.Condition> condition(Member m) {
        if (isFeatureKey(m.key())) {
            return feature(m);
        }
        if (!isVersionKey(m.key())) {
            problems.error(m.keyPos(), "\"" + m.key() + "\" is not a kernel version range or a feature; an expectation"
                    + " keyed by kernel has only version keys and feature=value keys",
                    "write e.g. {\"<5.14\": \"reset\", \">=5.14\": \"established\"} or"
                            + " {\"disconnectKeepsRole=true\": \"EINVAL\", \"*\": \"ok\"}");
            return Optional.empty();
        }
        try {
            return Optional.of(new Expectation.VersionIs(VersionRange.parse(m.key())));
        } catch (IllegalArgumentException e) {
            problems.error(m.keyPos(), "malformed version key \"" + m.key() + "\": "
                    + e.getMessage().replaceFirst("^version range '.*?': ", ""), VERSION_FORMS);
            return Optional.empty();
        }
    }

    private Optional<Expectation.Condition> feature(Member m) {
        String name = m.key().substring(0, m.key().indexOf('='));
        String value = m.key().substring(m.key().indexOf('=') + 1);
        Optional<Feature> f = Feature.byKey(name);
        if (f.isEmpty()) {
            problems.error(m.keyPos(), "unknown profile feature \"" + name + "\"", Suggest.closest(name,
                    Feature.keys()).map(c -> "did you mean \"" + c + "\"?")
                    .orElse("the features are listed by 'reuselab profiles'"));
            return Optional.empty();
        }
        if (f.get().parse(value).isEmpty()) {
            problems.error(m.keyPos(), "\"" + value + "\" is not a value of feature " + name,
                    f.get().valueTexts().isEmpty() ? "its value is a number" : "its values: "
                    + String.join(", ", f.get().valueTexts()));
            return Optional.empty();
        }
        return Optional.of(new Expectation.FeatureIs(name, value));
    }

    private Optional<Expectation> nested(JsonObject o) {
        problems.error(o.pos(), "version-keyed expectations cannot be nested",
                "join the ranges instead, e.g. \">=4.4,<5.14\"");
        return Optional.empty();
    }
}
