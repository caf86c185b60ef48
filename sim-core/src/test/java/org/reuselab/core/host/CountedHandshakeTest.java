package org.reuselab.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.ScenarioException;
import org.reuselab.core.scenario.ScenarioReader;
import org.reuselab.core.trace.Event;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.OutcomeText;
import org.reuselab.core.trace.Trace;
import org.reuselab.core.trace.TraceEntry;
import org.reuselab.core.trace.TraceJson;

/** Counted handshakes and summary traces say what the per-connection forms say, in less. */
class CountedHandshakeTest {

    private static final String LISTENERS = "{\"op\": \"socket\", \"sock\": \"a\", \"opts\": {\"SO_REUSEPORT\": 1}},"
            + "{\"op\": \"bind\", \"sock\": \"a\", \"addr\": \"10.0.0.1:80\"}, {\"op\": \"listen\", \"sock\": \"a\", \"backlog\": 100000},"
            + "{\"op\": \"socket\", \"sock\": \"b\", \"opts\": {\"SO_REUSEPORT\": 1}},"
            + "{\"op\": \"bind\", \"sock\": \"b\", \"addr\": \"10.0.0.1:80\"}, {\"op\": \"listen\", \"sock\": \"b\", \"backlog\": 100000},"
            + "{\"op\": \"socket\", \"sock\": \"c\", \"opts\": {\"SO_REUSEPORT\": 1}},"
            + "{\"op\": \"bind\", \"sock\": \"c\", \"addr\": \"10.0.0.1:80\"}, {\"op\": \"listen\", \"sock\": \"c\", \"backlog\": 100000}";

    private static Scenario read(String steps) throws ScenarioException {
        return new ScenarioReader(new LinkedHashSet<>(KernelProfiles.names())).read("t.json",
                "{\"seed\": 5, \"sysctl\": {\"net.core.somaxconn\": \"100000\"}, \"interfaces\": [{\"name\": \"eth0\","
                        + " \"addrs\": [\"10.0.0.1/8\"]}], \"steps\": [" + LISTENERS + ", " + steps + "]}");
    }

    private static Outcome last(Trace t) {
        return t.entries().getLast().outcome();
    }

    @Test
    void aCountedStepTalliesWhatPerConnectionHandshakesReport() throws ScenarioException {
        Trace each = new SimHost().run(read("{\"op\": \"handshake\", \"from\": \"10.0.0.2:1024-3023\", \"to\": \"10.0.0.1:80\"}"),
                RunOptions.defaults());
        Trace counted = new SimHost().run(read("{\"op\": \"handshake\", \"from\": \"10.0.0.2:1024-3023\", \"to\": "
                + "\"10.0.0.1:80\", \"count\": 2000}"), RunOptions.defaults());
        Outcome.Connections conns = assertInstanceOf(Outcome.Connections.class, last(each));
        Map<String, Long> by = new TreeMap<>();
        conns.conns().forEach(c -> by.merge(c.listener().orElseThrow(), 1L, Long::sum));
        Outcome.Tally tally = assertInstanceOf(Outcome.Tally.class, last(counted));
        assertEquals(2000, tally.count(Outcome.Conn.ESTABLISHED));
        assertEquals(by, tally.byListener());
        assertEquals(OutcomeText.full(conns), OutcomeText.full(tally));
    }

    @Test
    void portsRunOutIntoTheNextPeerAddress() throws ScenarioException {
        Trace t = new SimHost().run(read("{\"op\": \"handshake\", \"from\": \"10.0.0.2:65000-65535\", \"to\": "
                + "\"10.0.0.1:80\", \"count\": 1500}, {\"op\": \"dump\"}"), RunOptions.defaults());
        Outcome.Tally tally = assertInstanceOf(Outcome.Tally.class, t.entries().get(t.entries().size() - 2).outcome());
        assertEquals(1500, tally.count(Outcome.Conn.ESTABLISHED));
        String dump = String.join("\n", assertInstanceOf(Outcome.Dump.class, last(t)).lines());
        assertTrue(dump.contains("10.0.0.4:65000"), "the third address carries the last 428 connections");
        assertTrue(!dump.contains("10.0.0.4:65428"), "and no more");
    }

    @Test
    void aSummaryCountsTheEventsAFullTraceLists() throws ScenarioException {
        Scenario s = read("{\"op\": \"handshake\", \"from\": \"10.0.0.2:1024-1523\", \"to\": \"10.0.0.1:80\"}");
        Trace full = new SimHost().run(s, RunOptions.defaults());
        Trace summary = new SimHost().run(s, RunOptions.defaults().withDetail(TraceDetail.SUMMARY));
        List<Event> events = full.entries().getLast().events();
        List<Event> counted = summary.entries().getLast().events();
        assertEquals(events.size(), counted.stream().mapToLong(e -> assertInstanceOf(Event.Counted.class, e).count()).sum());
        assertEquals(last(full), last(summary));
        assertEquals(summary.toString(), TraceJson.parse(TraceJson.format(summary)).toString());
    }

    @Test
    void aSummaryCollapsesRunsOfPlainSteps() throws ScenarioException {
        StringBuilder steps = new StringBuilder("{\"op\": \"socket\", \"sock\": \"x0\", \"opts\": {\"SO_REUSEADDR\": 1}}");
        for (int i = 1; i < 50; i++) {
            steps.append(", {\"op\": \"socket\", \"sock\": \"x").append(i).append("\", \"opts\": {\"SO_REUSEADDR\": 1}}");
        }
        for (int i = 0; i < 50; i++) {
            steps.append(", {\"op\": \"bind\", \"sock\": \"x").append(i).append("\", \"addr\": \"0.0.0.0:2121\"}");
        }
        Trace t = new SimHost().run(read(steps.toString()), RunOptions.defaults().withDetail(TraceDetail.SUMMARY));
        List<String> calls = t.entries().stream().map(TraceEntry::call).toList();
        assertTrue(calls.contains("bind x 50 (steps 60-109)"), calls.toString());
        // 3 listeners: a bind and a listen() re-check each; then the 50 binds.
        assertEquals(6 + 50, t.cost().orElseThrow().portChecks());
    }
}
