package org.reuselab.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reuselab.core.kernel.KernelVersion;
import org.reuselab.core.net.Errno;

/** Each expectation form of the format reads into the matching Expectation record. */
class ExpectationFormsTest {

    private static final String SETUP = "{\"op\": \"socket\", \"sock\": \"s1\"}, {\"op\": \"bind\", \"sock\": \"s1\","
            + " \"addr\": \"0.0.0.0:8080\"}, {\"op\": \"listen\", \"sock\": \"s1\"}, ";

    private static Expectation expect(String stepJson) throws ScenarioException {
        List<Step> steps = Fixtures.read(Fixtures.steps(SETUP + stepJson)).steps();
        return steps.getLast().meta().expect().orElseThrow();
    }

    private static List<Expectation.Check> checks(String stepJson) throws ScenarioException {
        return assertInstanceOf(Expectation.Checks.class, expect(stepJson)).checks();
    }

    @Test
    void okAndErrnoStrings() throws ScenarioException {
        assertEquals(Optional.empty(), assertInstanceOf(Expectation.Result.class,
                expect("{\"op\": \"close\", \"sock\": \"s1\", \"expect\": \"ok\"}")).errno());
        assertEquals(Optional.of(Errno.EADDRINUSE), assertInstanceOf(Expectation.Result.class,
                expect("{\"op\": \"bind\", \"sock\": \"s1\", \"addr\": \"0.0.0.0:1\", \"expect\": \"EADDRINUSE\"}")).errno());
    }

    @Test
    void portNumberDollarAndMatcher() throws ScenarioException {
        Expectation.PortCheck exact = assertInstanceOf(Expectation.PortCheck.class,
                checks("{\"op\": \"listen\", \"sock\": \"s1\", \"expect\": {\"port\": 8080}}").getFirst());
        assertEquals(Optional.of(new PortSpec.Literal(8080)), exact.matcher().exactly());
        Expectation.PortCheck same = assertInstanceOf(Expectation.PortCheck.class,
                checks("{\"op\": \"listen\", \"sock\": \"s1\", \"expect\": {\"port\": \"$s1\"}}").getFirst());
        assertEquals(Optional.of(new PortSpec.SocketPort("s1")), same.matcher().exactly());
        Expectation.PortCheck m = assertInstanceOf(Expectation.PortCheck.class, checks("{\"op\": \"connect\","
                + " \"sock\": \"c\", \"to\": \"127.0.0.1:8080\", \"expect\": {\"port\": {\"in\": [32768, 60999],"
                + " \"parity\": \"even\", \"not\": \"$s1\"}}}").getFirst());
        assertEquals("in 32768-60999 even not $s1", m.matcher().toString());
    }

    @Test
    void acceptPeerAndInfoChecks() throws ScenarioException {
        assertInstanceOf(Expectation.PeerCheck.class,
                checks("{\"op\": \"accept\", \"sock\": \"s1\", \"expect\": {\"peer\": \"10.0.0.2:40000\"}}").getFirst());
        List<Expectation.Check> info = checks("{\"op\": \"info\", \"sock\": \"s1\", \"expect\": {\"state\": \"LISTEN\","
                + " \"local\": \"0.0.0.0:$s1\", \"peer\": \"0.0.0.0:0\"}}");
        assertEquals("LISTEN", assertInstanceOf(Expectation.StateCheck.class, info.get(0)).state());
        assertEquals("0.0.0.0:$s1", assertInstanceOf(Expectation.LocalCheck.class, info.get(1)).local().toString());
        assertInstanceOf(Expectation.PeerCheck.class, info.get(2));
    }

    @Test
    void replyFlagLists() throws ScenarioException {
        Expectation.ReplyCheck r = assertInstanceOf(Expectation.ReplyCheck.class, checks("{\"op\": \"send\","
                + " \"from\": \"10.0.0.2:1\", \"to\": \"10.0.0.1:8080\", \"flags\": \"S\", \"expect\": {\"reply\": [\"SA\"]}}").getFirst());
        assertEquals(List.of("SA"), r.flags());
        Expectation.ReplyCheck none = assertInstanceOf(Expectation.ReplyCheck.class,
                checks("{\"op\": \"advance\", \"ms\": 5, \"expect\": {\"reply\": []}}").getFirst());
        assertTrue(none.flags().isEmpty());
    }

    @Test
    void countsAreNumbersOrMinMax() throws ScenarioException {
        List<Expectation.Check> c = checks("{\"op\": \"handshake\", \"from\": \"10.0.0.2:1-30\", \"to\": \"10.0.0.1:8080\","
                + " \"expect\": {\"established\": {\"min\": 10}, \"reset\": 0, \"by\": {\"s1\": {\"max\": 20}}}}");
        assertEquals(new CountRange(10, Integer.MAX_VALUE), assertInstanceOf(Expectation.EstablishedCheck.class, c.get(0)).count());
        assertEquals(CountRange.exactly(0), assertInstanceOf(Expectation.ResetCheck.class, c.get(1)).count());
        assertEquals(new CountRange(0, 20), assertInstanceOf(Expectation.ByCheck.class, c.get(2)).perListener().get("s1"));
    }

    @Test
    void spreadWithAndWithoutAmong() throws ScenarioException {
        Expectation.SpreadCheck s = assertInstanceOf(Expectation.SpreadCheck.class, checks("{\"op\": \"handshake\","
                + " \"from\": \"10.0.0.2:1-30\", \"to\": \"10.0.0.1:8080\", \"expect\": {\"among\": [\"s1\"], \"spread\": \"uniform\"}}")
                .getFirst());
        assertEquals(List.of("s1"), s.among());
        Expectation.SpreadCheck plain = assertInstanceOf(Expectation.SpreadCheck.class, checks("{\"op\": \"connect\","
                + " \"sock\": \"c\", \"count\": 3, \"to\": \"10.0.0.1:8080\", \"expect\": {\"spread\": \"uniform\"}}").getFirst());
        assertTrue(plain.among().isEmpty());
    }

    @Test
    void acceptAllCountAndGetsockoptValue() throws ScenarioException {
        assertInstanceOf(Expectation.CountCheck.class,
                checks("{\"op\": \"accept_all\", \"sock\": \"s1\", \"expect\": {\"count\": 3}}").getFirst());
        assertEquals(1L, assertInstanceOf(Expectation.ValueCheck.class, checks("{\"op\": \"getsockopt\", \"sock\": \"s1\","
                + " \"opt\": \"SO_REUSEADDR\", \"expect\": {\"value\": 1}}").getFirst()).value());
    }

    @Test
    void versionKeyedCasesInFileOrder() throws ScenarioException {
        Expectation.ByKernel v = assertInstanceOf(Expectation.ByKernel.class, expect("{\"op\": \"bind\", \"sock\": \"s1\","
                + " \"addr\": \"0.0.0.0:1\", \"expect\": {\"<5.14\": \"EADDRINUSE\", \">=5.14,<6.1\": {\"port\": 1}, \"*\": \"ok\"}}"));
        assertEquals(3, v.cases().size());
        assertTrue(assertInstanceOf(Expectation.VersionIs.class, v.cases().get(0).when()).range()
                .admits(new KernelVersion(4, 4)));
        assertInstanceOf(Expectation.Checks.class, v.cases().get(1).expect());
        assertInstanceOf(Expectation.Result.class, v.cases().get(2).expect());
    }

    @Test
    void featureKeyedCasesNameAFeatureAndItsValue() throws ScenarioException {
        Expectation.ByKernel v = assertInstanceOf(Expectation.ByKernel.class, expect("{\"op\": \"listen\", \"sock\": \"s1\","
                + " \"expect\": {\"disconnectKeepsRole=true\": \"EINVAL\", \"*\": \"ok\"}}"));
        assertEquals(new Expectation.FeatureIs("disconnectKeepsRole", "true"), v.cases().get(0).when());
        assertInstanceOf(Expectation.VersionIs.class, v.cases().get(1).when());
    }

    @Test
    void outcomeWordsOfTheFormatsExampleMeanEveryConnection() throws ScenarioException {
        Expectation.ByKernel v = assertInstanceOf(Expectation.ByKernel.class, expect("{\"op\": \"handshake\","
                + " \"from\": \"10.0.0.2:40000-40004\", \"to\": \"10.0.0.1:8080\","
                + " \"expect\": {\"<5.14\": \"reset\", \">=5.14\": \"established\"}}"));
        Expectation.Checks reset = assertInstanceOf(Expectation.Checks.class, v.cases().get(0).expect());
        assertEquals(CountRange.exactly(5), assertInstanceOf(Expectation.ResetCheck.class, reset.checks().getFirst()).count());
        Expectation.Checks est = assertInstanceOf(Expectation.Checks.class, v.cases().get(1).expect());
        assertEquals(CountRange.exactly(5), assertInstanceOf(Expectation.EstablishedCheck.class, est.checks().getFirst()).count());
    }

    @Test
    void noReplyMeansNeitherEstablishedNorReset() throws ScenarioException {
        List<Expectation.Check> c = checks("{\"op\": \"handshake\", \"from\": \"10.0.0.2:1\", \"to\": \"10.0.0.1:8080\","
                + " \"expect\": \"no-reply\"}");
        assertEquals(2, c.size());
    }

    @Test
    void establishedOnSingleConnectIsOk() throws ScenarioException {
        Expectation.Result r = assertInstanceOf(Expectation.Result.class,
                expect("{\"op\": \"connect\", \"sock\": \"c\", \"to\": \"10.0.0.1:8080\", \"expect\": \"established\"}"));
        assertTrue(r.errno().isEmpty());
    }
}
