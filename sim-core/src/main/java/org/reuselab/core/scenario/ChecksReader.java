package org.reuselab.core.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.scenario.json.JsonValue.JsonObject;
import org.reuselab.core.scenario.json.JsonValue.Member;
import org.reuselab.core.text.Suggest;

/** An {@code expect} object of checks, each key allowed for the step's op. */
final class ChecksReader {

    private final Problems problems;
    private final ExpectRules rules;
    private final CheckReader checks;

    ChecksReader(Problems problems, NameFlow names, ExpectRules rules) {
        this.problems = problems;
        this.rules = rules;
        this.checks = new CheckReader(problems, names);
    }

    Optional<Expectation> read(JsonObject o) {
        if (o.members().isEmpty()) {
            problems.error(o.pos(), "an empty expectation {} checks nothing", rules.checksHint());
            return Optional.empty();
        }
        List<Expectation.Check> out = new ArrayList<>();
        boolean ok = true;
        Optional<List<String>> among = o.member("among").filter(this::allowed).flatMap(checks::among);
        for (Member m : o.members()) {
            if (m.key().equals("among")) {
                ok &= among.isPresent();
                continue;
            }
            Optional<Expectation.Check> c = allowed(m) ? checks.read(m, among.orElse(List.of())) : Optional.empty();
            c.ifPresent(out::add);
            ok &= c.isPresent();
        }
        ok &= amongHasSpread(o);
        return ok ? Optional.of(new Expectation.Checks(out, o.pos())) : Optional.empty();
    }

    private boolean allowed(Member m) {
        if (!OpSpec.ALL_CHECKS.contains(m.key())) {
            problems.error(m.keyPos(), "unknown expectation key \"" + m.key() + "\" for " + rules.what(),
                    Suggest.closest(m.key(), rules.checks()).map(c -> "did you mean \"" + c + "\"? ").orElse("")
                            + rules.checksHint());
            return false;
        }
        if (!rules.checks().contains(m.key())) {
            problems.error(m.keyPos(), "\"" + m.key() + "\" cannot be checked on " + rules.what(), rules.checksHint());
            return false;
        }
        return true;
    }

    private boolean amongHasSpread(JsonObject o) {
        Optional<Member> among = o.member("among");
        if (among.isPresent() && rules.checks().contains("among") && o.member("spread").isEmpty()) {
            problems.error(among.get().keyPos(), "\"among\" names the group for \"spread\", but there is no \"spread\"",
                    "write {\"spread\": \"uniform\", \"among\": [\"s1\", \"s2\"]}");
            return false;
        }
        return true;
    }
}
