package org.reuselab.core.scenario;

import java.util.Optional;

/**
 * What a port expectation admits: {@code {"port": 40001}}, {@code {"port": "$s1"}}, or
 * {@code {"port": {"in": [lo, hi], "parity": "odd", "not": "$s1"}}}.
 */
public record PortMatcher(Optional<PortSpec> exactly, Optional<PortSpec.Range> in, Optional<Parity> parity,
        Optional<PortSpec> not) {

    /** Port parity. */
    public enum Parity { ODD, EVEN }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        exactly.ifPresent(p -> sb.append(p));
        in.ifPresent(r -> sb.append(sb.isEmpty() ? "" : " ").append("in ").append(r));
        parity.ifPresent(p -> sb.append(sb.isEmpty() ? "" : " ").append(p.name().toLowerCase(java.util.Locale.ROOT)));
        not.ifPresent(p -> sb.append(sb.isEmpty() ? "" : " ").append("not ").append(p));
        return sb.toString();
    }
}
