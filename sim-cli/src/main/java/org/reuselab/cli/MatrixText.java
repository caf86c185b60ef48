package org.reuselab.cli;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * The kernel matrix as text: one block per file; per step its call, then one line per kernel.
 * A cell is the real kernel's outcome; where the model predicted otherwise, {@code sim: X}
 * follows, marked {@code !} (unexplained), {@code ~} (a listed known difference) or {@code ?}
 * (undetermined). {@code K} before the call marks a step whose outcome differs between kernels.
 */
final class MatrixText {

    private MatrixText() {
    }

    static void print(KernelMatrix m, boolean allSteps, PrintWriter out) {
        out.println("kernel matrix (a cell: the real outcome; '!'/'~'/'?' then 'sim: X': the profile predicted X,");
        out.println("unexplained / a known difference / undetermined; 'K': the kernels' outcomes differ)");
        for (KernelMatrix.Column c : m.columns()) {
            out.println("  " + c.label() + ": linux " + c.comparison().release() + ", profile " + c.comparison().profile()
                    + ", " + c.comparison().agreeing() + " of " + c.comparison().files().size() + " files agree");
        }
        int width = m.columns().stream().mapToInt(c -> c.label().length()).max().orElse(0);
        String file = null;
        for (KernelMatrix.Row r : m.rows()) {
            if (!allSteps && !r.kernelsDiffer() && !r.modelDiffers()) {
                continue;
            }
            if (!r.file().equals(file)) {
                file = r.file();
                out.println();
                out.println(file);
            }
            out.printf("  %4d %1s %s%n", r.step(), r.kernelsDiffer() ? "K" : "", r.call());
            for (int i = 0; i < m.columns().size(); i++) {
                out.printf("         %-" + width + "s  %s%n", m.columns().get(i).label(), cell(r.cells().get(i)));
            }
        }
        long k = m.rows().stream().filter(KernelMatrix.Row::kernelsDiffer).count();
        long d = m.rows().stream().filter(KernelMatrix.Row::modelDiffers).count();
        out.println();
        out.println("matrix: " + m.rows().size() + " steps, " + k + " differ between kernels, " + d
                + " where a model differs from its kernel (" + m.unexplainedModelDifferences() + " unexplained)");
    }

    static String cell(Optional<KernelMatrix.Cell> c) {
        if (c.isEmpty()) {
            return "(not run)";
        }
        KernelMatrix.Cell x = c.get();
        String mark = switch (x.verdict()) {
            case DIVERGE -> " ! sim: ";
            case KNOWN_DIFFERENCE -> " ~ sim: ";
            case UNDETERMINED -> " ? sim: ";
            case AGREE, NOT_COMPARED -> "";
        };
        return x.real() + (mark.isEmpty() ? "" : mark + x.sim().orElse(""));
    }
}
