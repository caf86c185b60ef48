package org.reuselab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simulator's handshake figures measured in a JVM of their own, with a heap and collector set
 * for millions of queued connections whatever the calling JVM has (the command line is in the
 * report). Prints one line per size: {@code connections runs median-per-second bytes-per-connection}.
 */
public final class HandshakeJvm {

    /**
     * The measuring JVM's options for up to ten million connections: the parallel collector (the
     * simulator runs on one thread; the collector may use the other core), a fixed heap touched
     * before the run, a young generation of 6 GiB so that collections are few, and promotion at
     * the first collection: a queued connection lives until the run ends, so copying it through
     * the survivor spaces first only doubles the collector's work (measured at 10^7: one young
     * collection of 1.4 s instead of five of 4.1 s in all). Small runs (smoke) take a small heap.
     */
    public static List<String> jvmOptions(int largest) {
        return largest > 1_000_000
                ? List.of("-XX:+UseParallelGC", "-Xms10g", "-Xmx10g", "-Xmn6g", "-XX:MaxTenuringThreshold=0",
                        "-XX:+AlwaysPreTouch")
                : largest > 100_000 ? List.of("-XX:+UseParallelGC", "-Xms4g", "-Xmx4g", "-Xmn2g",
                        "-XX:MaxTenuringThreshold=0")
                : List.of("-XX:+UseParallelGC", "-Xmx1g");
    }

    private HandshakeJvm() {
    }

    /** args: profile, then sizes as {@code n:runs}. */
    public static void main(String[] args) {
        String profile = args[0];
        // C2 compiles the receive path only after many handshakes: warm up well before timing.
        for (int i = 0; i < 12; i++) {
            SimMeasure.handshakes(100_000, profile, false);
        }
        for (int i = 1; i < args.length; i++) {
            String[] nr = args[i].split(":");
            int n = Integer.parseInt(nr[0]);
            int runs = Integer.parseInt(nr[1]);
            double[] rates = new double[runs];
            for (int r = 0; r < runs; r++) {
                rates[r] = SimMeasure.handshakes(n, profile, false).perSecond();
            }
            SimMeasure.HandshakeRun heap = SimMeasure.handshakes(n, profile, true);
            System.out.printf(Locale.ROOT, "%d %d %.0f %.1f%n", n, runs, Stats.median(rates), heap.bytesPerConnection());
            System.out.flush();
        }
    }

    /** One size's figures as the child printed them. */
    public record Line(int connections, int runs, double perSecond, double bytesPerConnection) {
        static Line parse(String text) {
            String[] f = text.trim().split(" ");
            return new Line(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]));
        }
    }

    /** Runs the measurement in a child JVM (this JVM's java and class path) and returns its lines. */
    public static List<Line> measure(String profile, List<int[]> sizesAndRuns) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmOptions(sizesAndRuns.stream().mapToInt(x -> x[0]).max().orElse(0)));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(HandshakeJvm.class.getName());
        cmd.add(profile);
        sizesAndRuns.forEach(x -> cmd.add(x[0] + ":" + x[1]));
        CommandMeasure.Result r = CommandMeasure.run(java.nio.file.Path.of("."), cmd, 3600);
        if (r.exit() != 0) {
            throw new IllegalStateException("the handshake measurement failed (exit " + r.exit() + "):\n" + r.output());
        }
        return r.output().lines().filter(l -> l.matches("\\d+ \\d+ [0-9.]+ [0-9.]+")).map(Line::parse).toList();
    }
}
