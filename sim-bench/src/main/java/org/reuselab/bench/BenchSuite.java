package org.reuselab.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.probe.FtpBindTimer;

/**
 * Every benchmark of reuselab in one run, printed as Markdown tables as it goes (the form
 * docs/performance.md keeps): handshakes on the simulator and the real kernel, the FTP bind case
 * on both with the kernel cost the model predicts per profile, fuzz throughput and start-up.
 */
public final class BenchSuite {

    /** The sections a run may be limited to. */
    public static final Set<String> SECTIONS = Set.of("handshake", "ftp", "kernel-ftp", "fuzz", "startup");

    private final BenchPlan plan;
    private final Set<String> only;
    private final boolean real;
    private final Path home;
    private final PrintWriter out;

    /**
     * @param real  whether to measure the real kernel too (root and namespaces needed)
     * @param home  the reuselab checkout (its launcher and seed scenario), for the whole-command figures
     */
    public BenchSuite(BenchPlan plan, Set<String> only, boolean real, Path home, PrintWriter out) {
        this.plan = plan;
        this.only = only;
        this.real = real;
        this.home = home;
        this.out = out;
    }

    /** Runs the sections; false when one of them failed (the others still run). */
    public boolean run() {
        header();
        boolean ok = section("handshake", this::handshakes);
        ok &= section("ftp", this::ftp);
        ok &= section("kernel-ftp", this::kernelFtp);
        ok &= section("fuzz", this::fuzz);
        return ok & section("startup", this::startup);
    }

    private boolean section(String name, Runnable body) {
        if (!only.contains(name)) {
            return true;
        }
        try {
            body.run();
            return true;
        } catch (RuntimeException e) {
            out.println();
            out.println("**" + name + ": FAILED**: " + e.getMessage());
            out.println();
            out.flush();
            return false;
        }
    }

    private void header() {
        out.println("# reuselab bench (" + plan.name() + ")");
        out.println();
        out.println("- machine: " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap");
        out.println("- JDK: " + System.getProperty("java.vm.name") + " " + Runtime.version());
        out.println("- kernel: " + System.getProperty("os.version") + " (modelled by profile " + hostProfile() + ")");
        out.println();
        out.flush();
    }

    private void handshakes() {
        String profile = KernelProfiles.newest().name();
        out.println("## Handshakes: 64 SO_REUSEPORT listeners, every connection held in an accept queue");
        out.println();
        out.println("Simulator, one thread, profile " + profile + ", summary trace; time of the handshake step "
                + "(median of the runs shown, after 12 warm-up runs of 100,000); heap measured after GC with the "
                + "run alive. Measuring JVM: `" + String.join(" ", HandshakeJvm.jvmOptions(plan.simHandshakes().getLast()))
                + "`.");
        out.println();
        out.println("| connections | runs | handshakes/s | vs first size | heap per queued connection |");
        out.println("|---:|---:|---:|---:|---:|");
        List<int[]> sizes = new ArrayList<>();
        for (int n : plan.simHandshakes()) {
            sizes.add(new int[] {n, n >= 10_000_000 ? 1 : n >= 1_000_000 ? Math.min(3, plan.repeats())
                    : plan.repeats() + 2});
        }
        double first = 0;
        List<Double> simRates = new ArrayList<>();
        for (HandshakeJvm.Line l : HandshakeJvm.measure(profile, sizes)) {
            first = first == 0 ? l.perSecond() : first;
            simRates.add(l.perSecond());
            out.printf(Locale.ROOT, "| %,d | %d | %,.0f | %.2f | %.0f B |%n", l.connections(), l.runs(), l.perSecond(),
                    l.perSecond() / first, l.bytesPerConnection());
        }
        out.flush();
        out.println();
        if (!real) {
            out.println("Real kernel: not measured (--no-real, or no root and network namespaces).");
            out.println();
            return;
        }
        out.println("Real kernel " + System.getProperty("os.version") + ", the same scenario through the probe "
                + "(reuselab real: a fresh namespace, TUN peers, handshakes in windows of 256; wall time of the "
                + "whole run):");
        out.println();
        out.println("| connections | established | handshakes/s | simulator / kernel |");
        out.println("|---:|---:|---:|---:|");
        for (int n : plan.realHandshakes()) {
            RealMeasure.HandshakeRun r = RealMeasure.handshakes(n, hostProfile());
            double sim = simRateFor(n, simRates);
            out.printf(Locale.ROOT, "| %,d | %,d | %,.0f | %.0fx |%n", n, r.established(), r.perSecond(),
                    sim / r.perSecond());
            out.flush();
        }
        out.println();
    }

    private double simRateFor(int n, List<Double> simRates) {
        int i = plan.simHandshakes().indexOf(n);
        return i >= 0 ? simRates.get(i) : simRates.getFirst();
    }

    private void ftp() {
        String newest = KernelProfiles.newest().name();
        out.println("## The FTP case: N sockets with SO_REUSEADDR bound to 0.0.0.0:2121");
        out.println();
        out.println("Each row is the last tenth of the binds up to N (the cost of a bind when about N sockets "
                + "are bound).");
        out.println();
        SimMeasure.ftp(Math.min(plan.ftpSockets(), 100_000), newest, List.of(Math.min(plan.ftpSockets(), 100_000)));
        int runs = Math.min(3, plan.repeats());
        double[][] perBind = new double[plan.ftpMarks().size()][runs];
        for (int r = 0; r < runs; r++) {
            List<SimMeasure.BindWindow> ws = SimMeasure.ftp(plan.ftpSockets(), newest, plan.ftpMarks());
            for (int i = 0; i < ws.size(); i++) {
                perBind[i][r] = ws.get(i).nanosPerBind();
            }
        }
        out.println("Simulator time per bind, profile " + newest + ", one thread, median of " + runs + " run(s):");
        out.println();
        out.println("| N | ns per bind | vs first |");
        out.println("|---:|---:|---:|");
        double first = Stats.median(perBind[0]);
        for (int i = 0; i < perBind.length; i++) {
            double m = Stats.median(perBind[i]);
            out.printf(Locale.ROOT, "| %,d | %,.0f | %.2f |%n", plan.ftpMarks().get(i), m, m / first);
        }
        out.println();
        out.println("The kernel's cost the model predicts: bind-bucket owners the kernel walks per bind "
                + "(0: the fast path decides):");
        out.println();
        StringBuilder head = new StringBuilder("| profile |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int m : plan.ftpMarks()) {
            head.append(String.format(Locale.ROOT, " N=%,d |", m));
            rule.append("---:|");
        }
        out.println(head.append(" growth |"));
        out.println(rule.append("---|"));
        for (String p : KernelProfiles.names()) {
            List<SimMeasure.BindWindow> ws = SimMeasure.ftp(plan.ftpSockets(), p, plan.ftpMarks());
            StringBuilder row = new StringBuilder("| " + p + " |");
            for (SimMeasure.BindWindow w : ws) {
                row.append(String.format(Locale.ROOT, " %,.0f |", w.ownersPerBind()));
            }
            double a = ws.getFirst().ownersPerBind();
            double b = ws.getLast().ownersPerBind();
            row.append(b == 0 ? " O(1): fast path |" : String.format(Locale.ROOT, " O(N): x%.0f |", b / Math.max(a, 1)));
            out.println(row);
            out.flush();
        }
        out.println();
    }

    /** The FTP case on the running kernel next to the model's prediction for its profile. */
    private void kernelFtp() {
        if (!real) {
            out.println("The FTP case on the real kernel: not measured (--no-real, or no root and network namespaces).");
            out.println();
            return;
        }
        String profile = hostProfile();
        int limit = FtpBindTimer.capacity();
        List<Integer> marks = new ArrayList<>(plan.realFtpMarks().stream().filter(m -> m <= limit).toList());
        if (marks.size() < plan.realFtpMarks().size()) {
            marks.add(limit);
            out.println("The open-file limit of this process lets it hold " + limit + " sockets, not "
                    + plan.realFtpSockets() + " (parking them beyond it needs CAP_SYS_ADMIN or CAP_SYS_RESOURCE): "
                    + "the real kernel is measured up to " + limit + ".");
            out.println();
        } else if (plan.realFtpSockets() > FtpBindTimer.socketLimit()) {
            out.println("The open-file limit of this process is " + FtpBindTimer.socketLimit() + " sockets: beyond it "
                    + "bound sockets are parked in flight over AF_UNIX pairs (SCM_RIGHTS), between the timed binds.");
            out.println();
        }
        int n = marks.getLast();
        List<FtpBindTimer.Window> real = RealMeasure.ftp(n, marks);
        List<SimMeasure.BindWindow> model = SimMeasure.ftp(n, profile, marks);
        out.println("This machine's kernel (" + System.getProperty("os.version") + ") next to the model's "
                + "prediction for its profile (" + profile + "):");
        out.println();
        out.println("| N | real ns per bind | real growth | model: owners walked per bind | model growth "
                + "| real ns per modelled owner |");
        out.println("|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < real.size(); i++) {
            FtpBindTimer.Window r = real.get(i);
            SimMeasure.BindWindow m = model.get(i);
            out.printf(Locale.ROOT, "| %,d | %,.0f | x%.1f | %,.0f | %s | %s |%n", r.to(), r.nanosPerBind(),
                    r.nanosPerBind() / real.getFirst().nanosPerBind(), m.ownersPerBind(),
                    model.getFirst().ownersPerBind() == 0 ? (m.ownersPerBind() == 0 ? "flat" : "grows")
                            : String.format(Locale.ROOT, "x%.1f", m.ownersPerBind() / model.getFirst().ownersPerBind()),
                    m.ownersPerBind() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", r.nanosPerBind() / m.ownersPerBind()));
        }
        out.println();
        out.flush();
    }

    private void fuzz() {
        out.println("## Fuzz throughput (reuselab fuzz, one thread)");
        out.println();
        out.println("| where | scenarios | scenarios/s |");
        out.println("|---|---:|---:|");
        Path tmp = tempDir();
        double sim = CommandMeasure.fuzzRate(home, List.of(launcher(), "fuzz", "--sim-only", "--count",
                Integer.toString(plan.simFuzz()), "--seed", "1", "--out", tmp.toString()));
        out.printf(Locale.ROOT, "| simulator only | %,d | %,.0f |%n", plan.simFuzz(), sim);
        out.flush();
        if (real) {
            double r = CommandMeasure.fuzzRate(home, List.of(launcher(), "fuzz", "--count",
                    Integer.toString(plan.realFuzz()), "--seed", "1", "--out", tmp.toString()));
            out.printf(Locale.ROOT, "| simulator and real kernel | %,d | %,.0f |%n", plan.realFuzz(), r);
        }
        out.println();
        out.flush();
    }

    private void startup() {
        String seed = "scenarios/reuseport/seed-three-reuseport-servers.json";
        double[] t = CommandMeasure.wallSeconds(home, List.of(launcher(), "run", seed, "--quiet"), plan.startupRuns());
        double[] sorted = t.clone();
        java.util.Arrays.sort(sorted);
        out.println("## Start-up: `reuselab run " + seed + " --quiet` from a shell");
        out.println();
        out.println("| runs | median | min | max |");
        out.println("|---:|---:|---:|---:|");
        out.printf(Locale.ROOT, "| %d | %.3f s | %.3f s | %.3f s |%n", t.length, Stats.median(t), sorted[0],
                sorted[sorted.length - 1]);
        out.println();
        out.flush();
    }

    private String launcher() {
        return home.resolve("reuselab").toString();
    }

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("reuselab-bench");
            d.toFile().deleteOnExit();
            return d;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot make a temporary folder: " + e.getMessage(), e);
        }
    }

    private static String hostProfile() {
        return KernelProfiles.forRelease(System.getProperty("os.version")).name();
    }

    private static String cpu() {
        try {
            Optional<String> model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim());
            return model.orElse(System.getProperty("os.arch"));
        } catch (java.io.IOException e) {
            return System.getProperty("os.arch");
        }
    }
}
