package org.reuselab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.Trace;

/** Remote peers through the TUN device: a SYN to a listener gets SYN-ACK, to a closed port RST-ACK. */
@Tag("root")
class TunPeersTest {

    private static final String SCENARIO = """
            {
              "steps": [
                { "op": "socket", "sock": "l" },
                { "op": "bind", "sock": "l", "addr": "0.0.0.0:8080" },
                { "op": "listen", "sock": "l", "backlog": 8 },
                { "op": "send", "from": "10.0.0.2:40000", "to": "10.0.0.1:8080", "flags": "S",
                  "expect": { "reply": ["SA"] } },
                { "op": "send", "from": "10.0.0.2:40001", "to": "10.0.0.1:8081", "flags": "S",
                  "expect": { "reply": ["RA"] } },
                { "op": "send", "from": "[fd00::2]:40002", "to": "[fd00::1]:8081", "flags": "S",
                  "expect": { "reply": ["RA"] } },
                { "op": "send", "from": "10.0.0.2:40000", "to": "10.0.0.1:8080", "flags": "A" },
                { "op": "accept", "sock": "l", "expect": { "peer": "10.0.0.2:40000" } },
                { "op": "handshake", "from": "10.0.0.3:41000-41004", "to": "10.0.0.1:8080",
                  "expect": { "established": 5, "by": { "l": 5 } } },
                { "op": "handshake", "from": "10.0.0.3:42000", "to": "10.0.0.1:9999",
                  "expect": { "reset": 1 } }
              ]
            }
            """;

    @Test
    void syn_toListenerAndClosedPort_synAckAndRstAck() throws ScenarioException {
        RealKernel.assumeAvailable();
        Trace t = RealKernel.run(RealKernel.parse("tun-peers.json", SCENARIO));
        assertEquals(new Outcome.Replies(List.of("SA")), t.entries().get(3).outcome());
        assertEquals(new Outcome.Replies(List.of("RA")), t.entries().get(4).outcome());
        assertEquals(new Outcome.Replies(List.of("RA")), t.entries().get(5).outcome());
        assertEquals(0, t.failedChecks(), () -> org.reuselab.core.trace.TraceText.format(t, true));
    }
}
