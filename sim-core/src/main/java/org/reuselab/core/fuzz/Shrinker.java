package org.reuselab.core.fuzz;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Predicate;

/**
 * Shrinks a failing scenario: removes steps, then socket options, one at a time, keeping each
 * removal after which the scenario still fails, until no removal does (a local minimum).
 * {@code fails} must answer false for a scenario that is not valid.
 */
public final class Shrinker {

    private static final int MAX_ROUNDS = 50;

    private Shrinker() {
    }

    public static ObjectNode shrink(ObjectNode scenario, Predicate<ObjectNode> fails) {
        ObjectNode best = scenario.deepCopy();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            ObjectNode smaller = oneSmaller(best, fails);
            if (smaller == null) {
                return best;
            }
            best = smaller;
        }
        return best;
    }

    private static ObjectNode oneSmaller(ObjectNode s, Predicate<ObjectNode> fails) {
        ArrayNode steps = (ArrayNode) s.get("steps");
        for (int i = steps.size() - 1; i >= 0 && steps.size() > 1; i--) {
            ObjectNode candidate = s.deepCopy();
            ((ArrayNode) candidate.get("steps")).remove(i);
            if (fails.test(candidate)) {
                return candidate;
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).get("opts") instanceof ObjectNode opts) {
                for (String name : iterable(opts)) {
                    ObjectNode candidate = s.deepCopy();
                    ((ObjectNode) candidate.get("steps").get(i).get("opts")).remove(name);
                    if (fails.test(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        return null;
    }

    private static java.util.List<String> iterable(ObjectNode o) {
        java.util.List<String> names = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
