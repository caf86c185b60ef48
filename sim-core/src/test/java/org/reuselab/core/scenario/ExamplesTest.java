package org.reuselab.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The format's own examples read without error and mean what they say. */
class ExamplesTest {

    private static final Path SCENARIOS = Path.of("../scenarios");

    @Test
    void reloadExampleReads() throws ScenarioException {
        Scenario s = Fixtures.READER.read(SCENARIOS.resolve("reload/reload-drops-queued-connections.json"));
        assertEquals("reload-drops-queued-connections", s.name());
        assertEquals(Optional.of("6.18"), s.kernel());
        assertEquals(10, s.steps().size());
        assertEquals("net.ipv4.tcp_migrate_req=0", s.sysctls().getFirst().toString());
        Step.Handshake h = assertInstanceOf(Step.Handshake.class, s.steps().get(3));
        assertEquals(new PortSpec.Range(40000, 40019), h.from().port());
        Step.Send send = assertInstanceOf(Step.Send.class, s.steps().get(9));
        assertEquals("PA", send.flags());
        assertEquals(10, send.payload());
    }

    @Test
    void seedExampleReads() throws ScenarioException {
        Scenario s = Fixtures.READER.read(SCENARIOS.resolve("reuseport/seed-three-reuseport-servers.json"));
        assertEquals(14, s.steps().size());
        assertEquals("eth0", s.interfaces().getFirst().name());
        assertEquals("172.28.32.101/24", s.interfaces().getFirst().addrs().getFirst().toString());
        Step.Connect c = assertInstanceOf(Step.Connect.class, s.steps().get(13));
        assertEquals(30, c.count().orElseThrow());
        Expectation.Checks checks = assertInstanceOf(Expectation.Checks.class, c.meta().expect().orElseThrow());
        assertInstanceOf(Expectation.SpreadCheck.class, checks.checks().get(1));
        assertTrue(s.kernel().isEmpty());
        assertEquals(1L, s.seed());
    }
}
