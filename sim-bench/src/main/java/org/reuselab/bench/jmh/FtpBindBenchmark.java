package org.reuselab.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.reuselab.bench.Workloads;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.host.SimHost;
import org.reuselab.core.host.TraceDetail;
import org.reuselab.core.scenario.Scenario;

/**
 * The FTP case: n SO_REUSEADDR sockets (created untimed) bound to 0.0.0.0:2121, timed as one
 * shot. Time per bind = score / n; flat per-bind time means the simulator's bind does not grow
 * with the owners already there, whatever the kernel's own walk would cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-XX:+UseSerialGC"})
public class FtpBindBenchmark {

    @Param({"1000", "10000", "100000", "1000000"})
    public int sockets;

    @Param({"6.18", "4.19"})
    public String profile;

    private SimHost.Session run;

    @Setup(Level.Iteration)
    public void sockets() {
        Scenario s = Workloads.ftp(sockets, profile);
        run = new SimHost().start(s, RunOptions.defaults().withDetail(TraceDetail.SUMMARY));
        for (int i = 0; i <= sockets; i++) {
            run.step();
        }
    }

    @Benchmark
    public SimHost.Session bindAll() {
        while (run.hasNext()) {
            run.step();
        }
        return run;
    }
}
