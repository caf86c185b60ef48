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
 * The handshake workload's last step (n handshakes to 64 SO_REUSEPORT listeners, every connection
 * held in an accept queue), timed as one shot after the listeners were set up untimed. Handshakes
 * per second = n / score.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-XX:+UseSerialGC"})
public class HandshakeBenchmark {

    @Param({"10000", "100000", "1000000"})
    public int connections;

    private SimHost.Session run;

    @Setup(Level.Iteration)
    public void listen() {
        Scenario s = Workloads.handshakes(connections, "6.18");
        run = new SimHost().start(s, RunOptions.defaults().withDetail(TraceDetail.SUMMARY));
        for (int i = 0; i < s.steps().size(); i++) {
            run.step();
        }
    }

    @Benchmark
    public SimHost.Session handshakes() {
        run.step();
        return run;
    }
}
