package org.reuselab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.trace.Trace;

/**
 * A run leaves the host alone: its links, its named namespaces and its sysctls are the same before
 * and after, while the sysctls the scenario set did take effect inside the run's namespace.
 */
@Tag("root")
class IsolationTest {

    private static final List<String> SYSCTLS = List.of("net.ipv4.ip_local_port_range", "net.ipv4.tcp_migrate_req",
            "net.ipv4.ip_unprivileged_port_start");

    private static final String SCENARIO = """
            {
              "sysctl": { "net.ipv4.ip_local_port_range": "40000 40001", "net.ipv4.tcp_migrate_req": 1 },
              "interfaces": [ { "name": "eth0", "addrs": ["10.0.0.1/24"] }, { "name": "probe9", "addrs": ["10.9.0.1/24"] } ],
              "steps": [
                { "op": "sysctl", "name": "net.ipv4.ip_unprivileged_port_start", "value": 80, "expect": "ok" },
                { "op": "socket", "sock": "a" },
                { "op": "bind", "sock": "a", "addr": "0.0.0.0:0",
                  "expect": { "port": { "in": [40000, 40001] } } },
                { "op": "socket", "sock": "u", "uid": 1000 },
                { "op": "bind", "sock": "u", "addr": "10.9.0.1:80", "expect": "ok" },
                { "op": "handshake", "from": "10.9.0.2:40000", "to": "10.9.0.1:9", "expect": { "reset": 1 } }
              ]
            }
            """;

    @Test
    void run_leavesHostLinksNamespacesAndSysctlsUnchanged() throws Exception {
        RealKernel.assumeAvailable();
        String links = command("ip", "-o", "link", "show");
        String netns = command("ip", "netns", "list");
        List<String> sysctls = hostSysctls();
        Trace t = RealKernel.run(RealKernel.parse("isolation.json", SCENARIO));
        assertEquals(0, t.failedChecks(), () -> org.reuselab.core.trace.TraceText.format(t, true));
        assertEquals(links, command("ip", "-o", "link", "show"));
        assertEquals(netns, command("ip", "netns", "list"));
        assertEquals(sysctls, hostSysctls());
    }

    private static List<String> hostSysctls() throws IOException {
        // Read on this (test) thread, which never left the host's namespace.
        List<String> out = new java.util.ArrayList<>();
        for (String s : SYSCTLS) {
            out.add(Files.readString(Path.of(NamespaceSetup.sysctlPath(s))).strip());
        }
        return out;
    }

    private static String command(String... argv) throws IOException, InterruptedException, ScenarioException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", argv) + " did not finish");
        }
        return out;
    }
}
