package org.reuselab.cli;

import java.io.PrintWriter;
import org.reuselab.core.host.TraceDetail;
import org.reuselab.core.trace.Trace;
import picocli.CommandLine.Option;

/** The output options run and real share, and how they print a trace. */
final class TraceOutputOptions {

    @Option(names = "--explain",
            description = "print the kernel rule behind every step and event, and the owner a check met")
    boolean explain;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE})")
    TracePrinter.Format format;

    @Option(names = "--trace", paramLabel = "DETAIL", defaultValue = "full",
            description = "full (every event) or summary (events counted per kind: for runs with millions of "
                    + "connections; default: ${DEFAULT-VALUE})")
    String trace;

    @Option(names = "--quiet", description = "print only failed expectations and the summary")
    boolean quiet;

    TraceDetail detail() {
        return trace.equalsIgnoreCase("summary") ? TraceDetail.SUMMARY : TraceDetail.FULL;
    }

    /** The option's value when it is neither full nor summary. */
    java.util.Optional<String> badDetail() {
        return trace.equalsIgnoreCase("summary") || trace.equalsIgnoreCase("full") ? java.util.Optional.empty()
                : java.util.Optional.of("reuselab: --trace takes full or summary, not '" + trace + "'");
    }

    void print(Trace t, PrintWriter out) {
        TracePrinter.print(t, out, format, quiet, explain);
    }
}
