package org.reuselab.bench;

import java.util.List;

/**
 * The sizes a bench run uses. {@code full} is the (and docs/performance.md's) set; {@code
 * quick} gives the same table in a minute or two; {@code smoke} only proves in seconds that every
 * benchmark still runs (CI).
 */
public record BenchPlan(String name, List<Integer> simHandshakes, List<Integer> realHandshakes, int ftpSockets,
        List<Integer> ftpMarks, int realFtpSockets, List<Integer> realFtpMarks, int simFuzz, int realFuzz,
        int startupRuns, int repeats) {

    public static BenchPlan full() {
        return new BenchPlan("full", List.of(10_000, 100_000, 1_000_000, 10_000_000), List.of(10_000, 100_000),
                1_000_000, List.of(1_000, 10_000, 100_000, 1_000_000), 50_000,
                List.of(1_000, 2_000, 5_000, 10_000, 20_000, 50_000), 100_000, 500, 10, 5);
    }

    public static BenchPlan quick() {
        return new BenchPlan("quick", List.of(10_000, 100_000, 1_000_000), List.of(10_000), 100_000,
                List.of(1_000, 10_000, 100_000), 10_000, List.of(1_000, 2_000, 5_000, 10_000), 20_000, 100, 5, 3);
    }

    public static BenchPlan smoke() {
        return new BenchPlan("smoke", List.of(1_000, 10_000), List.of(1_000), 2_000, List.of(200, 2_000), 1_000,
                List.of(100, 1_000), 500, 5, 1, 1);
    }

    public static BenchPlan named(String name) {
        return switch (name) {
            case "full" -> full();
            case "quick" -> quick();
            case "smoke" -> smoke();
            default -> throw new IllegalArgumentException("plan: full, quick or smoke, not " + name);
        };
    }
}
