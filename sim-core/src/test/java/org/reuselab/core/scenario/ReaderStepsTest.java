package org.reuselab.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reuselab.core.net.CbpfInsn;
import org.reuselab.core.net.Family;

/** Every op reads into its Step record with the values written. */
class ReaderStepsTest {

    private static Step only(String stepJson) throws ScenarioException {
        List<Step> steps = Fixtures.read(Fixtures.steps("{\"op\": \"socket\", \"sock\": \"s\"}, " + stepJson)).steps();
        return steps.get(1);
    }

    @Test
    void socketWithFamilyUidAndOptionsInOrder() throws ScenarioException {
        Step.Socket s = assertInstanceOf(Step.Socket.class, only("{\"op\": \"socket\", \"sock\": \"t\", \"family\": \"ipv6\","
                + " \"uid\": 1000, \"opts\": {\"SO_REUSEPORT\": 1, \"SO_REUSEADDR\": 0, \"IPV6_V6ONLY\": 1}}"));
        assertEquals(Family.IPV6, s.family());
        assertEquals(1000, s.uid());
        assertEquals("[SO_REUSEPORT=1, SO_REUSEADDR=0, IPV6_V6ONLY=1]", s.opts().toString());
    }

    @Test
    void optionKinds() throws ScenarioException {
        Step.Socket s = assertInstanceOf(Step.Socket.class, only("{\"op\": \"socket\", \"sock\": \"t\", \"opts\": {"
                + "\"SO_BINDTODEVICE\": \"eth0\", \"IP_LOCAL_PORT_RANGE\": [40000, 0], \"SO_DETACH_REUSEPORT_BPF\": 0,"
                + " \"IPV6_FREEBIND\": 1, \"IP_TRANSPARENT\": 1, \"TCP_REPAIR\": 1}}"));
        assertEquals(new OptValue.Device("eth0"), s.opts().get(0).value());
        assertEquals(new OptValue.PortRange(40000, 0), s.opts().get(1).value());
        assertEquals(new OptValue.Flag(0), s.opts().get(2).value());
        assertEquals(SockOpt.TCP_REPAIR, s.opts().get(5).opt());
    }

    @Test
    void cbpfReturnAndInsns() throws ScenarioException {
        Step.Setsockopt a = assertInstanceOf(Step.Setsockopt.class, only("{\"op\": \"setsockopt\", \"sock\": \"s\","
                + " \"opt\": \"SO_ATTACH_REUSEPORT_CBPF\", \"value\": {\"return\": 4294967295}}"));
        assertEquals("{return 4294967295}", a.setting().value().toString());
        Step.Setsockopt b = assertInstanceOf(Step.Setsockopt.class, only("{\"op\": \"setsockopt\", \"sock\": \"s\","
                + " \"opt\": \"SO_ATTACH_REUSEPORT_CBPF\", \"value\": {\"insns\": [[32, 0, 0, 4], [6, 0, 0, 0]]}}"));
        OptValue.Program p = assertInstanceOf(OptValue.Program.class, b.setting().value());
        assertEquals(new CbpfInsn(32, 0, 0, 4), p.insns().getFirst());
    }

    @Test
    void bindWithRawSockaddrExtension() throws ScenarioException {
        Step.Bind b = assertInstanceOf(Step.Bind.class, only("{\"op\": \"bind\", \"sock\": \"s\", \"addr\": \"[fe80::1%eth0]:80\","
                + " \"sockaddr\": {\"family\": \"unspec\", \"len\": 16}}"));
        assertEquals("[fe80::1%eth0]:80", b.addr().toString());
        assertEquals(Optional.of(new Step.RawSockaddr(Step.SaFamily.UNSPEC, 16)), b.raw());
    }

    @Test
    void connectWithCountAndTimeout() throws ScenarioException {
        Step.Connect c = assertInstanceOf(Step.Connect.class, only("{\"op\": \"connect\", \"sock\": \"c\","
                + " \"to\": \"[::ffff:127.0.0.1]:$s\", \"count\": 3, \"timeoutMs\": 50}"
                .replace("$s", "80")));
        assertEquals(3, c.count().orElseThrow());
        assertEquals(50, c.timeoutMs());
        assertEquals("[::ffff:127.0.0.1]:80", c.to().toString());
    }

    @Test
    void acceptAsAndChildren() throws ScenarioException {
        Scenario s = Fixtures.read(Fixtures.steps("{\"op\": \"socket\", \"sock\": \"l\"}, {\"op\": \"listen\", \"sock\": \"l\"},"
                + "{\"op\": \"accept\", \"sock\": \"l\", \"as\": \"c\"}, {\"op\": \"info\", \"sock\": \"c\"},"
                + "{\"op\": \"info\", \"sock\": \"l.2\"}, {\"op\": \"write\", \"sock\": \"l.1\", \"bytes\": 10}"));
        assertEquals(Optional.of("c"), assertInstanceOf(Step.Accept.class, s.steps().get(2)).as());
        assertEquals("l.2", assertInstanceOf(Step.Info.class, s.steps().get(4)).sock());
        assertEquals(10, assertInstanceOf(Step.Write.class, s.steps().get(5)).bytes());
    }

    @Test
    void sendWithAllFields() throws ScenarioException {
        Step.Send s = assertInstanceOf(Step.Send.class, only("{\"op\": \"send\", \"from\": \"10.0.0.2:40000\","
                + " \"to\": \"10.0.0.1:80\", \"flags\": \"FPA\", \"payload\": 5, \"seq\": 4294967295, \"ack\": 0}"));
        assertEquals("FPA", s.flags());
        assertEquals(4294967295L, s.seq().orElseThrow());
        assertEquals(0L, s.ack().orElseThrow());
    }

    @Test
    void handshakeFromRange() throws ScenarioException {
        Step.Handshake h = assertInstanceOf(Step.Handshake.class, only("{\"op\": \"handshake\","
                + " \"from\": \"[fd00::2]:40000-40009\", \"to\": \"[fd00::1]:80\"}"));
        assertEquals(10, assertInstanceOf(PortSpec.Range.class, h.from().port()).size());
    }

    @Test
    void handshakeWithCount() throws ScenarioException {
        Step.Handshake h = assertInstanceOf(Step.Handshake.class, only("{\"op\": \"handshake\","
                + " \"from\": \"10.0.0.2:1024-65535\", \"to\": \"10.0.0.1:80\", \"count\": 100000}"));
        assertEquals(java.util.OptionalInt.of(100000), h.count());
        assertEquals(java.util.OptionalInt.empty(), assertInstanceOf(Step.Handshake.class, only("{\"op\": \"handshake\","
                + " \"from\": \"10.0.0.2:1024\", \"to\": \"10.0.0.1:80\"}")).count());
        org.junit.jupiter.api.Assertions.assertTrue(Fixtures.stepErrors("{\"op\": \"handshake\", \"from\": "
                + "\"10.0.0.2:1024\", \"to\": \"10.0.0.1:80\", \"count\": 0}").contains("\"count\""));
    }

    @Test
    void otherOps() throws ScenarioException {
        assertEquals(2500L, assertInstanceOf(Step.Advance.class, only("{\"op\": \"advance\", \"ms\": 2500}")).ms());
        assertEquals(Step.How.RDWR, assertInstanceOf(Step.Shutdown.class,
                only("{\"op\": \"shutdown\", \"sock\": \"s\", \"how\": \"rdwr\"}")).how());
        assertEquals("net.core.somaxconn=5", assertInstanceOf(Step.Sysctl.class,
                only("{\"op\": \"sysctl\", \"name\": \"net.core.somaxconn\", \"value\": \"5\"}")).setting().toString());
        assertEquals(1000, assertInstanceOf(Step.Fchown.class, only("{\"op\": \"fchown\", \"sock\": \"s\", \"uid\": 1000}")).uid());
        assertEquals(SockOpt.IP_FREEBIND, assertInstanceOf(Step.Getsockopt.class,
                only("{\"op\": \"getsockopt\", \"sock\": \"s\", \"opt\": \"IP_FREEBIND\"}")).opt());
        assertInstanceOf(Step.Dump.class, only("{\"op\": \"dump\"}"));
        Step.Serve serve = assertInstanceOf(Step.Serve.class, only("{\"op\": \"serve\", \"sock\": \"s\", \"serve\": false, \"close\": false}"));
        assertEquals(false, serve.serve() || serve.close());
    }

    @Test
    void nameMayBeReusedAfterClose() throws ScenarioException {
        Scenario s = Fixtures.read(Fixtures.steps("{\"op\": \"socket\", \"sock\": \"a\"}, {\"op\": \"close\", \"sock\": \"a\"},"
                + "{\"op\": \"socket\", \"sock\": \"a\"}, {\"op\": \"bind\", \"sock\": \"a\", \"addr\": \"0.0.0.0:0\"}"));
        assertEquals(4, s.steps().size());
    }

    @Test
    void dollarPortOfClosedSocketStillHasItsPort() throws ScenarioException {
        Scenario s = Fixtures.read(Fixtures.steps("{\"op\": \"socket\", \"sock\": \"a\"}, {\"op\": \"bind\", \"sock\": \"a\", \"addr\": \"0.0.0.0:0\"},"
                + "{\"op\": \"close\", \"sock\": \"a\"}, {\"op\": \"socket\", \"sock\": \"b\"},"
                + "{\"op\": \"bind\", \"sock\": \"b\", \"addr\": \"0.0.0.0:$a\"}"));
        assertEquals(new PortSpec.SocketPort("a"), assertInstanceOf(Step.Bind.class, s.steps().get(4)).addr().port());
    }

    @Test
    void connectCountDefinesNumberedSocketsWithPorts() throws ScenarioException {
        Scenario s = Fixtures.read(Fixtures.steps("{\"op\": \"connect\", \"sock\": \"c\", \"count\": 2, \"to\": \"127.0.0.1:80\"},"
                + "{\"op\": \"info\", \"sock\": \"c2\", \"expect\": {\"local\": \"127.0.0.1:$c1\"}}"));
        assertEquals(2, s.steps().size());
    }
}
