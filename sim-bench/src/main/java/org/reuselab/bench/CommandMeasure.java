package org.reuselab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whole {@code reuselab} commands timed from outside, as a shell runs them. */
public final class CommandMeasure {

    private static final Pattern RATE = Pattern.compile("(\\d+) scenarios/s");

    private CommandMeasure() {
    }

    /** What a command printed and how long it took. */
    public record Result(int exit, String output, long nanos) {
    }

    public static Result run(Path workDir, List<String> command, long timeoutSeconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            long t0 = System.nanoTime();
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + ": no end within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), System.nanoTime() - t0);
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Wall times of {@code runs} runs of the command, after one untimed run (builds, caches). */
    public static double[] wallSeconds(Path workDir, List<String> command, int runs) {
        check(run(workDir, command, 600), command);
        double[] out = new double[runs];
        for (int i = 0; i < runs; i++) {
            Result r = check(run(workDir, command, 600), command);
            out[i] = r.nanos() / 1e9;
        }
        return out;
    }

    /** The {@code N scenarios/s} a fuzz command printed. */
    public static double fuzzRate(Path workDir, List<String> command) {
        Result r = check(run(workDir, command, 3600), command);
        Matcher m = RATE.matcher(r.output());
        double rate = -1;
        while (m.find()) {
            rate = Double.parseDouble(m.group(1));
        }
        if (rate < 0) {
            throw new IllegalStateException(String.join(" ", command) + " printed no rate:\n" + r.output());
        }
        return rate;
    }

    private static Result check(Result r, List<String> command) {
        if (r.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + r.exit() + ":\n" + tail(r.output()));
        }
        return r;
    }

    private static String tail(String s) {
        List<String> lines = new ArrayList<>(s.lines().toList());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
