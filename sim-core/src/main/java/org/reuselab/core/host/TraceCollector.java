package org.reuselab.core.host;

import java.util.ArrayList;
import java.util.List;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.OutcomeText;
import org.reuselab.core.trace.TraceEntry;

/**
 * A run's trace entries. In a summary, consecutive steps of one op that checked nothing, had no
 * events and ended the same way ({@code ok}, or the same errno) become one entry, {@code bind x
 * 1000000 (steps 1001-1001000)}, so a run of a million sockets does not keep a million lines.
 */
final class TraceCollector {

    private final TraceDetail detail;
    private final List<TraceEntry> entries = new ArrayList<>();
    /** The run being collapsed: its first entry, its last, and how many. */
    private TraceEntry runFirst;
    private TraceEntry runLast;
    private String runKey;
    private int runLength;
    private Outcome lastOutcome = Outcome.ok();

    TraceCollector(TraceDetail detail) {
        this.detail = detail;
    }

    void add(TraceEntry e) {
        lastOutcome = e.outcome();
        if (detail == TraceDetail.FULL || !plain(e)) {
            flush();
            entries.add(e);
            return;
        }
        String key = op(e) + " -> " + OutcomeText.brief(e.outcome());
        if (runFirst != null && key.equals(runKey)) {
            runLast = e;
            runLength++;
            return;
        }
        flush();
        runFirst = e;
        runLast = e;
        runKey = key;
        runLength = 1;
    }

    Outcome lastOutcome() {
        return lastOutcome;
    }

    List<TraceEntry> entries() {
        flush();
        return entries;
    }

    private void flush() {
        if (runFirst == null) {
            return;
        }
        entries.add(runLength == 1 ? runFirst
                : new TraceEntry(runFirst.step(), op(runFirst) + " x " + runLength + " (steps " + runFirst.step() + "-"
                        + runLast.step() + ")", runLast.outcome(), runLast.why(), List.of(), List.of()));
        runFirst = null;
    }

    private static boolean plain(TraceEntry e) {
        return e.step() > 0 && e.checks().isEmpty() && e.events().isEmpty();
    }

    private static String op(TraceEntry e) {
        int space = e.call().indexOf(' ');
        return space < 0 ? e.call() : e.call().substring(0, space);
    }
}
