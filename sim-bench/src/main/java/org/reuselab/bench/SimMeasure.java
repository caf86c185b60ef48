package org.reuselab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.host.SimHost;
import org.reuselab.core.host.TraceDetail;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.trace.KernelCost;
import org.reuselab.core.trace.Outcome;

/** The workloads on the simulator, one thread, summary traces: time, heap, and the kernel's predicted cost. */
public final class SimMeasure {

    private static final RunOptions SUMMARY = RunOptions.defaults().withDetail(TraceDetail.SUMMARY);

    private SimMeasure() {
    }

    /** One handshake run: the handshake step's time, and the heap its queued connections hold. */
    public record HandshakeRun(int connections, long nanos, long heapBytes) {
        public double perSecond() {
            return connections * 1e9 / nanos;
        }

        public double bytesPerConnection() {
            return (double) heapBytes / connections;
        }
    }

    /**
     * Runs the handshake workload: the listeners are set up untimed, then the one handshake step
     * is timed; the heap is measured (after collections) before and after it, with the run's
     * state still alive, so the difference is what the queued connections hold.
     */
    public static HandshakeRun handshakes(int n, String profile, boolean measureHeap) {
        Scenario s = Workloads.handshakes(n, profile);
        SimHost.Session run = new SimHost().start(s, SUMMARY);
        int last = s.steps().size();
        for (int i = 0; i < last; i++) {
            run.step();
        }
        long before = measureHeap ? usedHeapAfterGc() : 0;
        long t0 = System.nanoTime();
        run.step();
        long nanos = System.nanoTime() - t0;
        long after = measureHeap ? usedHeapAfterGc() : 0;
        Outcome.Tally tally = (Outcome.Tally) run.lastOutcome();
        if (tally.count(Outcome.Conn.ESTABLISHED) != n) {
            throw new IllegalStateException("the handshake workload did not establish every connection: "
                    + tally.results());
        }
        java.lang.ref.Reference.reachabilityFence(run);
        return new HandshakeRun(n, nanos, after - before);
    }

    /** A window of binds in the FTP case: their time and the owners the kernel walked for them. */
    public record BindWindow(int from, int to, long nanos, long ownersWalked) {
        public double nanosPerBind() {
            return (double) nanos / (to - from);
        }

        public double ownersPerBind() {
            return (double) ownersWalked / (to - from);
        }
    }

    /**
     * The FTP case on one profile: n sockets created untimed, then bound; for each mark, the last
     * tenth of the binds up to it is one window (timed, with the owners the model says the kernel
     * walked), so one run gives the cost of a bind at every size.
     */
    public static List<BindWindow> ftp(int n, String profile, List<Integer> marks) {
        Scenario s = Workloads.ftp(n, profile);
        SimHost.Session run = new SimHost().start(s, SUMMARY);
        run.step();
        for (int i = 0; i < n; i++) {
            run.step();
        }
        List<BindWindow> out = new ArrayList<>();
        int bound = 0;
        for (int mark : marks) {
            int from = Math.max(bound, mark - Math.max(1, mark / 10));
            for (; bound < from; bound++) {
                bind(run, bound);
            }
            KernelCost c0 = run.cost();
            long t0 = System.nanoTime();
            for (; bound < mark; bound++) {
                bind(run, bound);
            }
            long nanos = System.nanoTime() - t0;
            out.add(new BindWindow(from, mark, nanos, run.cost().ownersWalked() - c0.ownersWalked()));
        }
        return out;
    }

    private static void bind(SimHost.Session run, int index) {
        run.step();
        if (!(run.lastOutcome() instanceof Outcome.Ok)) {
            throw new IllegalStateException("FTP bind #" + (index + 1) + " failed: " + run.lastOutcome());
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            System.gc();
            used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
