package org.reuselab.bench;

import java.time.Duration;
import java.util.List;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.host.TraceDetail;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.Trace;
import org.reuselab.probe.FtpBindTimer;
import org.reuselab.probe.LinuxHost;

/** The same workloads on this machine's kernel, through the probe. */
public final class RealMeasure {

    private RealMeasure() {
    }

    /** A handshake run on the real kernel: the whole run's wall time (set-up of 64 listeners included). */
    public record HandshakeRun(int connections, long nanos, long established) {
        public double perSecond() {
            return connections * 1e9 / nanos;
        }
    }

    /** The handshake workload exactly as {@code reuselab real} runs a file: a fresh namespace, TUN peers. */
    public static HandshakeRun handshakes(int n, String profile) {
        long t0 = System.nanoTime();
        Trace t = new LinuxHost().run(Workloads.handshakes(n, profile), RunOptions.defaults()
                .withDetail(TraceDetail.SUMMARY));
        long nanos = System.nanoTime() - t0;
        Outcome.Tally tally = (Outcome.Tally) t.entries().getLast().outcome();
        return new HandshakeRun(n, nanos, tally.count(Outcome.Conn.ESTABLISHED));
    }

    public static List<FtpBindTimer.Window> ftp(int n, List<Integer> marks) {
        return FtpBindTimer.run(n, Workloads.FTP_PORT, marks, Duration.ofMinutes(10));
    }
}
