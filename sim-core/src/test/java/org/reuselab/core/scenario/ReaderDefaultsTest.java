package org.reuselab.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reuselab.core.net.Family;
import org.reuselab.core.scenario.json.SourcePos;

/** What the format fills in for fields a file leaves out. */
class ReaderDefaultsTest {

    @Test
    void nameDefaultsToFileNameWithoutJson(@TempDir Path dir) throws IOException, ScenarioException {
        Path file = dir.resolve("my-case.json");
        Files.writeString(file, Fixtures.steps("{\"op\": \"dump\"}"));
        Scenario s = Fixtures.READER.read(file);
        assertEquals("my-case", s.name());
        assertEquals(file.toString(), s.file());
    }

    @Test
    void nameFromDisplayNameWithDirectories() throws ScenarioException {
        Scenario s = Fixtures.READER.read("scenarios/x/abc.json", Fixtures.steps("{\"op\": \"dump\"}"));
        assertEquals("abc", s.name());
    }

    @Test
    void topLevelDefaults() throws ScenarioException {
        Scenario s = Fixtures.read(Fixtures.steps("{\"op\": \"dump\"}"));
        assertEquals(1L, s.seed());
        assertEquals(Optional.empty(), s.kernel());
        assertEquals(Optional.empty(), s.description());
        assertEquals(List.of(), s.sysctls());
    }

    @Test
    void defaultInterfaceIsEth0WithV4AndV6AndNoLo() throws ScenarioException {
        Scenario s = Fixtures.read(Fixtures.steps("{\"op\": \"dump\"}"));
        assertEquals(1, s.interfaces().size());
        InterfaceDef eth0 = s.interfaces().getFirst();
        assertEquals("eth0", eth0.name());
        assertEquals("[10.0.0.1/24, fd00::1/64]", eth0.addrs().toString());
    }

    @Test
    void emptyInterfaceListMeansOnlyLo() throws ScenarioException {
        Scenario s = Fixtures.read("{\"interfaces\": [], \"steps\": [{\"op\": \"dump\"}]}");
        assertTrue(s.interfaces().isEmpty());
    }

    @Test
    void socketDefaultsToIpv4Uid0NoOptions() throws ScenarioException {
        Step.Socket sock = assertInstanceOf(Step.Socket.class,
                Fixtures.read(Fixtures.steps("{\"op\": \"socket\", \"sock\": \"s\"}")).steps().getFirst());
        assertEquals(Family.IPV4, sock.family());
        assertEquals(0, sock.uid());
        assertTrue(sock.opts().isEmpty());
    }

    @Test
    void listenBacklogDefaults128() throws ScenarioException {
        Scenario s = Fixtures.read(Fixtures.steps("{\"op\": \"socket\", \"sock\": \"s\"}, {\"op\": \"listen\", \"sock\": \"s\"}"));
        assertEquals(128, assertInstanceOf(Step.Listen.class, s.steps().get(1)).backlog());
    }

    @Test
    void connectTimeoutDefaults1000AndNoCount() throws ScenarioException {
        Step.Connect c = assertInstanceOf(Step.Connect.class,
                Fixtures.read(Fixtures.steps("{\"op\": \"connect\", \"sock\": \"c\", \"to\": \"127.0.0.1:80\"}")).steps().getFirst());
        assertEquals(1000, c.timeoutMs());
        assertTrue(c.count().isEmpty());
    }

    @Test
    void sendPayloadDefaults0AndNoSeqAck() throws ScenarioException {
        Step.Send s = assertInstanceOf(Step.Send.class, Fixtures.read(Fixtures.steps(
                "{\"op\": \"send\", \"from\": \"10.0.0.2:1\", \"to\": \"10.0.0.1:2\", \"flags\": \"S\"}")).steps().getFirst());
        assertEquals(0, s.payload());
        assertTrue(s.seq().isEmpty() && s.ack().isEmpty());
    }

    @Test
    void serveAndCloseDefaultTrue() throws ScenarioException {
        Scenario s = Fixtures.read(Fixtures.steps("{\"op\": \"socket\", \"sock\": \"s\"}, {\"op\": \"serve\", \"sock\": \"s\"}"));
        Step.Serve serve = assertInstanceOf(Step.Serve.class, s.steps().get(1));
        assertTrue(serve.serve() && serve.close());
    }

    @Test
    void stepMetaNumbersFromOneAndKeepsPosition() throws ScenarioException {
        Scenario s = Fixtures.read("{\"steps\": [\n  {\"op\": \"dump\"},\n  {\"op\": \"dump\", \"note\": \"n\"}\n]}");
        StepMeta second = s.steps().get(1).meta();
        assertEquals(2, second.number());
        assertEquals(new SourcePos(3, 3, "/steps/1"), second.pos());
        assertEquals(Optional.of("n"), second.note());
        assertEquals(Optional.empty(), second.expect());
    }

    @Test
    void kernelIsKeptWhenKnown() throws ScenarioException {
        assertEquals(Optional.of("5.15"), Fixtures.read("{\"kernel\": \"5.15\", \"steps\": [{\"op\": \"dump\"}]}").kernel());
    }

    @Test
    void sysctlValuesKeptAsSysctlWTakesThem() throws ScenarioException {
        Scenario s = Fixtures.read("{\"sysctl\": {\"net.ipv4.ip_local_port_range\": \"40000 40009\", "
                + "\"net.ipv4.tcp_migrate_req\": 1, \"net.ipv4.ip_local_reserved_ports\": \"\"}, \"steps\": [{\"op\": \"dump\"}]}");
        assertEquals("[net.ipv4.ip_local_port_range=40000 40009, net.ipv4.tcp_migrate_req=1, net.ipv4.ip_local_reserved_ports=]",
                s.sysctls().toString());
    }
}
