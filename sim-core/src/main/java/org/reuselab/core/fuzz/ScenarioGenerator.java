package org.reuselab.core.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.reuselab.core.fuzz.ScenarioBuilder.Addr;
import org.reuselab.core.net.Family;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.SockOpt;
import org.reuselab.core.scenario.Step;

/**
 * Random scenarios over tiny domains, so that collisions are common: a few addresses across
 * IPv4, IPv6 and v4-mapped, two ports (and port 0), three uids, every reuse option, and the
 * calls that decide bind and accept outcomes. One seed gives one scenario, as records to run
 * ({@link #scenario}) or as its file ({@link #json}): the same draws build both.
 */
public final class ScenarioGenerator {

    private static final String[] V4 = {"127.0.0.1", "10.0.0.1", "0.0.0.0"};
    private static final String[] PEER_FLAGS = {"S", "A", "PA", "R", "FA"};
    private static final String[] V6 = {"::", "::1", "::ffff:127.0.0.1"};
    private static final int[] PORTS = {5000, 5001, 0};
    private static final int[] UIDS = {0, 1000, 1001};
    private static final SockOpt[] FLAGS = {SockOpt.SO_REUSEADDR, SockOpt.SO_REUSEPORT, SockOpt.IPV6_V6ONLY};
    private static final String[] NAMES = {"a", "b", "c", "d"};
    private static final Step.How[] HOWS = {Step.How.RD, Step.How.WR, Step.How.RDWR};

    private final RandomGenerator rnd;
    private final List<String> v6Sockets = new ArrayList<>();

    private ScenarioGenerator(long seed) {
        this.rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /** The scenario of one seed, as the simulator runs it. */
    public static Scenario scenario(long seed, int maxSteps) {
        return new ScenarioGenerator(seed).scenario(seed, maxSteps, new ScenarioRecords());
    }

    /** The scenario of one seed, as the text of a scenario file. */
    public static ObjectNode json(long seed, int maxSteps) {
        return new ScenarioGenerator(seed).scenario(seed, maxSteps, new ScenarioJson());
    }

    private <T> T scenario(long seed, int maxSteps, ScenarioBuilder<T> out) {
        int n = 3 + rnd.nextInt(Math.max(1, maxSteps - 2));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            step(created, out);
        }
        return out.build(seed);
    }

    private void step(List<String> created, ScenarioBuilder<?> out) {
        if (created.isEmpty() || rnd.nextInt(6) == 0) {
            socket(created, out);
            return;
        }
        if (rnd.nextInt(8) == 0) {
            peer(out);
            return;
        }
        String sock = created.get(rnd.nextInt(created.size()));
        boolean v6 = v6Sockets.contains(sock);
        switch (rnd.nextInt(9)) {
            case 0, 1, 2 -> out.bind(sock, addr(v6));
            case 3, 4 -> out.listen(sock, 1 + rnd.nextInt(4));
            case 5 -> out.connect(sock, new Addr(v6 ? "::1" : "127.0.0.1", PORTS[rnd.nextInt(2)]), 10);
            case 6 -> out.setsockopt(sock, FLAGS[rnd.nextInt(v6 ? 3 : 2)], rnd.nextInt(2));
            case 7 -> out.close(sock);
            default -> {
                if (rnd.nextBoolean()) {
                    out.accept(sock);
                } else {
                    out.shutdown(sock, HOWS[rnd.nextInt(3)]);
                }
            }
        }
    }

    private void socket(List<String> created, ScenarioBuilder<?> out) {
        String name = NAMES[rnd.nextInt(NAMES.length)];
        boolean v6 = rnd.nextInt(3) == 0;
        int uid = UIDS[rnd.nextInt(3)];
        List<SockOpt> flagsOn = new ArrayList<>();
        for (SockOpt flag : FLAGS) {
            if ((v6 || flag != SockOpt.IPV6_V6ONLY) && rnd.nextInt(3) == 0) {
                flagsOn.add(flag);
            }
        }
        out.socket(name, v6 ? Family.IPV6 : Family.IPV4, uid, flagsOn);
        if (!created.contains(name)) {
            created.add(name);
        }
        v6Sockets.remove(name);
        if (v6) {
            v6Sockets.add(name);
        }
    }

    /** A remote peer on eth0 (10.0.0.2): a whole handshake, or one segment. */
    private void peer(ScenarioBuilder<?> out) {
        Addr from = new Addr("10.0.0.2", 40000 + rnd.nextInt(4));
        Addr to = new Addr("10.0.0.1", PORTS[rnd.nextInt(2)]);
        if (rnd.nextBoolean()) {
            out.handshake(from, to);
        } else {
            out.send(from, to, PEER_FLAGS[rnd.nextInt(PEER_FLAGS.length)]);
        }
    }

    private Addr addr(boolean v6) {
        String ip = v6 ? V6[rnd.nextInt(V6.length)] : V4[rnd.nextInt(V4.length)];
        return new Addr(ip, PORTS[rnd.nextInt(PORTS.length)]);
    }
}
