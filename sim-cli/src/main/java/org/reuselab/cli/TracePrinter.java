package org.reuselab.cli;

import java.io.PrintWriter;
import org.reuselab.core.trace.Trace;
import org.reuselab.core.trace.TraceJson;
import org.reuselab.core.trace.TraceText;

/** How run and real print a trace: JSON, only the failures, or the text trace. */
final class TracePrinter {

    /** Output formats. */
    enum Format { text, json }

    private TracePrinter() {
    }

    static void print(Trace t, PrintWriter out, Format format, boolean quiet, boolean explain) {
        if (format == Format.json) {
            out.print(TraceJson.format(t));
            return;
        }
        if (quiet) {
            TraceText.failures(t).forEach(out::println);
            return;
        }
        out.print(TraceText.format(t, explain));
        out.println();
    }
}
