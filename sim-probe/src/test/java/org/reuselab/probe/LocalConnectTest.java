package org.reuselab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.trace.Trace;

/**
 * connect() behaves as a blocking connect() bounded by the step's timeout: after a refusal the
 * socket is unconnected again (a second connect is refused again, not ECONNABORTED), and its
 * autobound port is released (bind works).
 */
@Tag("root")
class LocalConnectTest {

    private static final String SCENARIO = """
            {
              "steps": [
                { "op": "connect", "sock": "c", "to": "127.0.0.1:5000", "expect": "ECONNREFUSED" },
                { "op": "connect", "sock": "c", "to": "127.0.0.1:5000", "expect": "ECONNREFUSED" },
                { "op": "bind", "sock": "c", "addr": "127.0.0.1:5001", "expect": "ok" },
                { "op": "socket", "sock": "l" },
                { "op": "bind", "sock": "l", "addr": "127.0.0.1:5002" },
                { "op": "listen", "sock": "l" },
                { "op": "connect", "sock": "c", "to": "127.0.0.1:5002", "expect": { "port": 5001 } },
                { "op": "info", "sock": "c", "expect": { "state": "ESTABLISHED", "peer": "127.0.0.1:5002" } },
                { "op": "write", "sock": "c", "bytes": 100, "expect": "ok" },
                { "op": "accept", "sock": "l", "expect": { "peer": "127.0.0.1:5001" } },
                { "op": "connect", "sock": "c", "to": "127.0.0.1:5002", "expect": "EISCONN" }
              ]
            }
            """;

    @Test
    void connect_refusedThenAgain_blockingSemantics() throws ScenarioException {
        RealKernel.assumeAvailable();
        Trace t = RealKernel.run(RealKernel.parse("local-connect.json", SCENARIO));
        assertEquals(0, t.failedChecks(), () -> org.reuselab.core.trace.TraceText.format(t, true));
    }
}
