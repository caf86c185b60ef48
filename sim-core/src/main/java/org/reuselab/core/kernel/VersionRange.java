package org.reuselab.core.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of kernel versions written as comparisons joined by commas: {@code "<5.14"},
 * {@code ">=4.4,<5.14"}, {@code "=6.18"}, {@code "*"} (every version).
 */
public record VersionRange(String text, List<Bound> bounds) {

    /** One comparison against a version. */
    public record Bound(String op, KernelVersion version) {
        boolean admits(KernelVersion v) {
            int c = v.compareTo(version);
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "=" -> c == 0;
                default -> throw new IllegalStateException("operator " + op);
            };
        }
    }

    public VersionRange {
        bounds = List.copyOf(bounds);
    }

    public static VersionRange parse(String text) {
        String t = text.trim();
        List<Bound> bounds = new ArrayList<>();
        if (t.equals("*")) {
            return new VersionRange(text, bounds);
        }
        for (String part : t.split(",")) {
            String p = part.trim();
            String op = p.startsWith("<=") || p.startsWith(">=") ? p.substring(0, 2)
                    : p.startsWith("<") || p.startsWith(">") || p.startsWith("=") ? p.substring(0, 1) : "";
            if (op.isEmpty()) {
                throw new IllegalArgumentException("version range '" + text
                        + "': each part starts with <, <=, >, >= or = (e.g. \">=5.14\")");
            }
            bounds.add(new Bound(op, KernelVersion.parse(p.substring(op.length()))));
        }
        return new VersionRange(text, bounds);
    }

    public boolean admits(KernelVersion v) {
        return bounds.stream().allMatch(b -> b.admits(v));
    }

    @Override
    public String toString() {
        return text;
    }
}
