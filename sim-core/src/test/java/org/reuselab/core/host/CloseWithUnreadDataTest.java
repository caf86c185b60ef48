package org.reuselab.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.reuselab.core.trace.Trace;
import org.reuselab.core.trace.TraceText;

/**
 * tcp_close(): a socket closed while received data is still unread sends a RST instead of a FIN
 * (RFC 2525 §2.17), goes straight to CLOSE and releases its port: no TIME_WAIT. The peer's next
 * write fails with ECONNRESET (tcp_reset() sets sk_err for an ESTABLISHED socket).
 */
class CloseWithUnreadDataTest {

    @Test
    void closeWithUnreadData_resetsPeerAndLeavesNoTimeWait() throws Exception {
        String json = """
                {"kernel": "6.18", "steps": [
                  {"op": "socket", "sock": "l"},
                  {"op": "bind", "sock": "l", "addr": "127.0.0.1:5000"},
                  {"op": "listen", "sock": "l"},
                  {"op": "connect", "sock": "c", "to": "127.0.0.1:5000", "expect": "ok"},
                  {"op": "accept", "sock": "l", "as": "srv", "expect": "ok"},
                  {"op": "write", "sock": "srv", "bytes": 10, "expect": "ok"},
                  {"op": "close", "sock": "c", "note": "10 bytes unread"},
                  {"op": "write", "sock": "srv", "bytes": 10, "expect": "ECONNRESET"},
                  {"op": "socket", "sock": "n"},
                  {"op": "bind", "sock": "n", "addr": "127.0.0.1:$c", "expect": "ok"}
                ]}
                """;
        Trace t = new SimHost().run(GenScenarios.READER.read("unread.json", json), RunOptions.defaults());
        assertEquals(0, t.failedChecks(), TraceText.format(t, true));
    }
}
