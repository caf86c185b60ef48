package org.reuselab.cli;

import java.io.PrintWriter;

/** A progress bar on a terminal (nothing when the output is not one). */
final class Progress {

    private final boolean terminal;
    private final PrintWriter err;
    private final int total;
    private int lastPercent = -1;

    Progress(boolean terminal, PrintWriter err, int total) {
        this.terminal = terminal;
        this.err = err;
        this.total = Math.max(1, total);
    }

    void tick(int done, int failures) {
        if (!terminal) {
            return;
        }
        int percent = (int) (100L * done / total);
        if (percent != lastPercent) {
            lastPercent = percent;
            int bar = percent / 4;
            err.print("\r[" + "=".repeat(bar) + " ".repeat(25 - bar) + "] " + percent + "% " + done + "/" + total
                    + " divergences " + failures);
            err.flush();
        }
    }

    void finish() {
        if (terminal) {
            err.println();
            err.flush();
        }
    }
}
