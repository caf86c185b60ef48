package org.reuselab.cli;

import java.io.PrintWriter;
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

    @Option(names = "--quiet", description = "print only failed expectations and the summary")
    boolean quiet;

    void print(Trace t, PrintWriter out) {
        TracePrinter.print(t, out, format, quiet, explain);
    }
}
