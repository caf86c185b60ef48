package org.reuselab.core.trace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.reuselab.core.model.Rule;
import org.reuselab.core.net.Endpoint;

/**
 * The plain-words account {@code --explain} ends with when clients lost connections: how many,
 * which, the kernel rule that cost each its connection, and what would have saved them.
 */
final class ResetSummary {

    private ResetSummary() {
    }

    static Optional<String> of(Trace t) {
        Map<Endpoint, Rule> cause = new LinkedHashMap<>();
        Map<Endpoint, Rule> reset = new TreeMap<>();
        for (TraceEntry e : t.entries()) {
            for (Event ev : e.events()) {
                switch (ev) {
                    case Event.ListenerChange c when c.to().isEmpty() -> cause.put(c.peer(), c.rule());
                    case Event.SegmentOut s when s.flags().contains("R") ->
                            reset.putIfAbsent(s.to(), cause.getOrDefault(s.to(), s.rule()));
                    case Event.SocketReset r when r.rule() != Rule.CONNECT_REFUSED ->
                            reset.putIfAbsent(r.local(), cause.getOrDefault(r.local(), r.rule()));
                    default -> { }
                }
            }
        }
        if (reset.isEmpty()) {
            return Optional.empty();
        }
        Map<Rule, Integer> byRule = new TreeMap<>();
        reset.values().forEach(r -> byRule.merge(r, 1, Integer::sum));
        StringBuilder sb = new StringBuilder("clients reset: ").append(reset.size()).append('\n');
        byRule.forEach((rule, n) -> {
            sb.append("  ").append(n).append(" because ").append(rule.text()).append(" [").append(rule.kernelSource())
                    .append("]\n");
            Remedies.forRule(rule).ifPresent(r -> sb.append("    would have been saved by: ").append(r).append('\n'));
        });
        sb.append("  clients: ").append(String.join(", ", reset.keySet().stream().map(Object::toString).toList()))
                .append('\n');
        return Optional.of(sb.toString());
    }
}
