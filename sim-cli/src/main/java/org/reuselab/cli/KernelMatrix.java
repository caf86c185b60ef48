package org.reuselab.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.reuselab.core.compare.StepComparison;
import org.reuselab.core.compare.StepComparison.Verdict;

/**
 * The kernel matrix: for every step of every file, the outcome on each real kernel next to the
 * simulator's prediction under that kernel's profile. A row is marked where the kernels' outcomes
 * differ from each other, and a cell where the model differs from its kernel.
 */
record KernelMatrix(List<Column> columns, List<Row> rows) {

    /** One kernel: its label as the user named it ("6.1", "host") and what compare found there. */
    record Column(String label, KernelComparison comparison) {
    }

    /** One cell: the real outcome, and the model's where it differs (with the verdict). */
    record Cell(String real, Optional<String> sim, Verdict verdict) {
        boolean modelDiffers() {
            return verdict == Verdict.DIVERGE || verdict == Verdict.KNOWN_DIFFERENCE || verdict == Verdict.UNDETERMINED;
        }
    }

    /**
     * One step of one file across the kernels (a kernel that did not run it has no cell). Kernels
     * differ where their outcomes do once the draws are masked: every port the step's call does not
     * name (an ephemeral port) and how many connections each listener took (the reuseport hash's
     * spread); which listeners took any is still compared.
     */
    record Row(String file, int step, String call, List<Optional<Cell>> cells) {
        boolean kernelsDiffer() {
            Set<String> outcomes = new LinkedHashSet<>();
            cells.forEach(c -> c.ifPresent(x -> outcomes.add(maskSpread(maskDrawnPorts(x.real(), call)))));
            return outcomes.size() > 1 || cells.stream().anyMatch(Optional::isEmpty);
        }

        boolean modelDiffers() {
            return cells.stream().anyMatch(c -> c.isPresent() && c.get().modelDiffers());
        }
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern PORT = Pattern.compile("(?<=[0-9\\]]):(\\d+)\\b");

    /** {@code outcome} with each ":port" whose number {@code call} does not name written ":*". */
    static String maskDrawnPorts(String outcome, String call) {
        Set<String> named = new HashSet<>();
        NUMBER.matcher(call).results().forEach(r -> named.add(r.group()));
        return PORT.matcher(outcome).replaceAll(r -> named.contains(r.group(1)) ? r.group() : ":*");
    }

    private static final Pattern BY = Pattern.compile("\\(by ([^)]*)\\)");

    /** {@code outcome} with the count of each listener in "(by L0 39, L1 61)" written "*". */
    static String maskSpread(String outcome) {
        return BY.matcher(outcome).replaceAll(r -> java.util.regex.Matcher.quoteReplacement(
                "(by " + r.group(1).replaceAll(" \\d+", " *") + ")"));
    }

    KernelMatrix {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    static KernelMatrix of(List<Column> columns) {
        List<Map<String, Map<Integer, StepComparison>>> byKernel = index(columns);
        Map<String, Map<Integer, String>> calls = new LinkedHashMap<>();
        for (Column c : columns) {
            for (KernelComparison.FileComparison f : c.comparison().files()) {
                Map<Integer, String> steps = calls.computeIfAbsent(f.file(), k -> new java.util.TreeMap<>());
                f.steps().forEach(s -> steps.putIfAbsent(s.step(), s.call()));
            }
        }
        List<Row> rows = new ArrayList<>();
        calls.forEach((file, steps) -> steps.forEach((step, call) -> {
            List<Optional<Cell>> cells = new ArrayList<>();
            for (Map<String, Map<Integer, StepComparison>> k : byKernel) {
                cells.add(Optional.ofNullable(k.getOrDefault(file, Map.of()).get(step)).map(KernelMatrix::cell));
            }
            rows.add(new Row(file, step, call, cells));
        }));
        return new KernelMatrix(columns, rows);
    }

    private static Cell cell(StepComparison s) {
        boolean differs = s.verdict() == Verdict.DIVERGE || s.verdict() == Verdict.KNOWN_DIFFERENCE
                || s.verdict() == Verdict.UNDETERMINED;
        return new Cell(s.real(), differs ? Optional.of(s.sim()) : Optional.empty(), s.verdict());
    }

    private static List<Map<String, Map<Integer, StepComparison>>> index(List<Column> columns) {
        List<Map<String, Map<Integer, StepComparison>>> out = new ArrayList<>();
        for (Column c : columns) {
            Map<String, Map<Integer, StepComparison>> files = new LinkedHashMap<>();
            for (KernelComparison.FileComparison f : c.comparison().files()) {
                Map<Integer, StepComparison> steps = new LinkedHashMap<>();
                f.steps().forEach(s -> steps.put(s.step(), s));
                files.put(f.file(), steps);
            }
            out.add(files);
        }
        return out;
    }

    long unexplainedModelDifferences() {
        return rows.stream().flatMap(r -> r.cells().stream()).filter(c -> c.isPresent()
                && c.get().verdict() == Verdict.DIVERGE).count();
    }
}
