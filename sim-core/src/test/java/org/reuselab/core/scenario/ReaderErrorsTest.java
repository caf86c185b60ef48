package org.reuselab.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per kind of error the reader reports; each checks the message, place and hint. */
class ReaderErrorsTest {

    private static final String S1 = "{\"op\": \"socket\", \"sock\": \"s1\"}, ";

    private static void assertHas(String output, String... parts) {
        for (String part : parts) {
            assertTrue(output.contains(part), () -> "missing <" + part + "> in:\n" + output);
        }
    }

    @Test
    void diagnosticFormatWithAndWithoutHint() {
        assertEquals("f.json:3:7: error: bad at /steps/0", new Diagnostic("f.json", 3, 7, "bad", "/steps/0",
                java.util.Optional.empty()).format());
        assertEquals("f.json:1:1: error: bad at /\n  hint: fix it",
                new Diagnostic("f.json", 1, 1, "bad", "", java.util.Optional.of("fix it")).format());
    }

    @Test
    void exceptionFormatJoinsAndEndsWithNewline() {
        String out = Fixtures.errors("{\"steps\": [], \"x\": 1}");
        assertTrue(out.endsWith("\n"));
        assertEquals(2, out.lines().filter(l -> l.startsWith("t.json:")).count());
    }

    @Test
    void invalidJsonGivesOneErrorAtTheParserLocationAndNoStackTrace() {
        String out = Fixtures.errors("{\n  \"steps\": [1,]\n}");
        assertEquals("t.json:2:15: error: invalid JSON: unexpected character ']', expected a value at /steps/1\n"
                + "  hint: JSON allows no comma after the last item of an array\n", out);
    }

    @Test
    void trailingCommaInObject() {
        assertHas(Fixtures.errors("{\"steps\": [{\"op\": \"dump\",}]}"), "1:26: error: invalid JSON: unexpected character '}'",
                "at /steps/0", "no comma after the last field");
    }

    @Test
    void contentAfterTheTopLevelObject() {
        assertHas(Fixtures.errors("{\"steps\": [{\"op\": \"dump\"}]} {}"), "more content after the end");
    }

    @Test
    void duplicateKeyPointsAtTheSecond() {
        assertHas(Fixtures.stepErrors("{\"op\": \"dump\", \"op\": \"dump\"}"),
                "t.json:1:27: error: duplicate field \"op\" (first written at line 1, column 13) at /steps/0/op");
    }

    @Test
    void unknownFieldListsKnownFieldsAndPointsAtKey() {
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"listen\", \"sock\": \"s1\", \"backlg\": 1}"),
                "1:75: error: unknown field \"backlg\" in a listen step at /steps/1/backlg",
                "hint: did you mean \"backlog\"? known fields of a listen step: op, sock, backlog, expect, note");
    }

    @Test
    void missingRequiredFieldShowsAnExample() {
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"bind\", \"sock\": \"s1\"}"),
                "1:44: error: missing required field \"addr\" in a bind step at /steps/1",
                "hint: a bind step looks like {\"op\": \"bind\"");
    }

    @Test
    void missingSteps() {
        assertHas(Fixtures.errors("{}"), "missing required field \"steps\" in the top-level object at /");
    }

    @Test
    void wrongTypeSaysExpectedAndGot() {
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"listen\", \"sock\": \"s1\", \"backlog\": \"5\"}"),
                "\"backlog\" must be an integer, got the string \"5\" at /steps/1/backlog",
                "hint: write the number without quotes: 5");
    }

    @Test
    void outOfRangeInteger() {
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"fchown\", \"sock\": \"s1\", \"uid\": -3}"),
                "\"uid\" must be at least 0, got -3 at /steps/1/uid");
    }

    @Test
    void unknownOpListsKnownOps() {
        assertHas(Fixtures.stepErrors("{\"op\": \"bnid\"}"), "unknown op \"bnid\" at /steps/0/op",
                "did you mean \"bind\"? known ops: socket, setsockopt, bind");
    }

    @Test
    void unknownOptionListsKnownOptions() {
        assertHas(Fixtures.stepErrors("{\"op\": \"socket\", \"sock\": \"s\", \"opts\": {\"SO_REUSE\": 1}}"),
                "unknown socket option \"SO_REUSE\" at /steps/0/opts/SO_REUSE", "known options: SO_REUSEADDR");
    }

    @Test
    void optionValueOfWrongShape() {
        assertHas(Fixtures.stepErrors("{\"op\": \"socket\", \"sock\": \"s\", \"opts\": {\"SO_REUSEPORT\": true}}"),
                "SO_REUSEPORT takes 0 or 1, got true at /steps/0/opts/SO_REUSEPORT");
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"setsockopt\", \"sock\": \"s1\", \"opt\": \"IP_LOCAL_PORT_RANGE\", \"value\": [1]}"),
                "IP_LOCAL_PORT_RANGE takes [low, high], got an array at /steps/1/value");
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"setsockopt\", \"sock\": \"s1\", \"opt\": \"SO_ATTACH_REUSEPORT_CBPF\", \"value\": {}}"),
                "a BPF program has either \"return\" or \"insns\", not neither");
    }

    @Test
    void unknownErrnoSuggestsTheClosest() {
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"close\", \"sock\": \"s1\", \"expect\": \"EBADFD\"}"),
                "unknown errno \"EBADFD\" at /steps/1/expect", "did you mean \"EBADF\"? closest known: EBADF");
    }

    @Test
    void unknownSysctlListsKnownOnes() {
        assertHas(Fixtures.errors("{\"sysctl\": {\"net.ipv4.foo\": 1}, \"steps\": [{\"op\": \"dump\"}]}"),
                "unknown sysctl \"net.ipv4.foo\" at /sysctl/net.ipv4.foo", "known sysctls: net.ipv4.ip_local_port_range");
    }

    @Test
    void sysctlValueMustMatchItsShape() {
        String out = Fixtures.errors("{\"sysctl\": {\"net.ipv4.ip_local_port_range\": \"1\", \"net.ipv4.tcp_syncookies\": \"a\","
                + " \"net.ipv4.ip_local_reserved_ports\": \"1,,2\"}, \"steps\": [{\"op\": \"dump\"}]}");
        assertHas(out, "net.ipv4.ip_local_port_range takes two integers in one string",
                "net.ipv4.tcp_syncookies takes one integer", "net.ipv4.ip_local_reserved_ports takes a comma-separated list");
    }

    @Test
    void ipv6AddressMustBeInBrackets() {
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"bind\", \"sock\": \"s1\", \"addr\": \"::1:80\"}"),
                "IPv6 address \"::1:80\" must be written in brackets at /steps/1/addr");
    }

    @Test
    void malformedAddressUsesIpAddrParseMessage() {
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"bind\", \"sock\": \"s1\", \"addr\": \"1.2.3:80\"}"),
                "malformed address '1.2.3': an IPv4 address has four dot-separated numbers at /steps/1/addr");
    }

    @Test
    void portOutOfRangeAndMalformedPort() {
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"bind\", \"sock\": \"s1\", \"addr\": \"0.0.0.0:65536\"}"),
                "port 65536 in \"0.0.0.0:65536\" is out of range");
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"bind\", \"sock\": \"s1\", \"addr\": \"0.0.0.0:http\"}"),
                "malformed port \"http\" in \"0.0.0.0:http\"");
    }

    @Test
    void portRangeOnlyInHandshakeFrom() {
        assertHas(Fixtures.stepErrors("{\"op\": \"send\", \"from\": \"10.0.0.2:1-2\", \"to\": \"10.0.0.1:1\", \"flags\": \"S\"}"),
                "a port range (\"1-2\") is not allowed here", "only the \"from\" of a handshake step takes a range");
    }

    @Test
    void unknownKernelListsProfilesSortedByVersion() {
        ScenarioReader reader = new ScenarioReader(Set.of("6.18", "4.4", "5.15", "6.1", "custom"));
        String out = assertThrows(ScenarioException.class,
                () -> reader.read("t.json", "{\"kernel\": \"3.10\", \"steps\": [{\"op\": \"dump\"}]}")).format();
        assertHas(out, "unknown kernel profile \"3.10\" at /kernel", "known profiles: 4.4, 5.15, 6.1, 6.18, custom");
    }

    @Test
    void malformedVersionKey() {
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"close\", \"sock\": \"s1\", \"expect\": {\">=five\": \"ok\"}}"),
                "malformed version key \">=five\": not a kernel version: 'five'", "at /steps/1/expect/>=five");
    }

    @Test
    void expectationKeysFollowTheOpTable() {
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"info\", \"sock\": \"s1\", \"expect\": {\"port\": 1}}"),
                "\"port\" cannot be checked on an info step", "an info step can check: state, local, peer");
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"accept_all\", \"sock\": \"s1\", \"expect\": {\"peer\": \"1.2.3.4:5\"}}"),
                "an accept_all step can check: count");
        assertHas(Fixtures.stepErrors("{\"op\": \"connect\", \"sock\": \"c\", \"to\": \"1.2.3.4:5\", \"count\": 2,"
                + " \"expect\": {\"port\": 1}}"), "\"port\" cannot be checked on a connect step with \"count\"");
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"getsockopt\", \"sock\": \"s1\", \"opt\": \"SO_REUSEPORT\","
                + " \"expect\": {\"count\": 1}}"), "a getsockopt step can check: value");
    }

    @Test
    void callResultOnANonCallStep() {
        assertHas(Fixtures.stepErrors("{\"op\": \"advance\", \"ms\": 1, \"expect\": \"ok\"}"),
                "an advance step is not a call, so it has no result like \"ok\"");
    }

    @Test
    void undefinedSocketName() {
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"listen\", \"sock\": \"s2\"}"),
                "no socket named \"s2\" exists at this step at /steps/1/sock", "did you mean \"s1\"? sockets so far: s1");
    }

    @Test
    void nameUsedBeforeItsSocketStep() {
        assertHas(Fixtures.stepErrors("{\"op\": \"close\", \"sock\": \"s1\"}, " + S1 + "{\"op\": \"dump\"}"),
                "no socket named \"s1\" exists at this step at /steps/0/sock", "no socket exists yet");
    }

    @Test
    void byAndAmongNamesMustBeDefined() {
        String out = Fixtures.stepErrors(S1 + "{\"op\": \"handshake\", \"from\": \"10.0.0.2:1-4\", \"to\": \"10.0.0.1:80\","
                + " \"expect\": {\"by\": {\"s9\": 4}, \"spread\": \"uniform\", \"among\": [\"s1\", \"s8\"]}}");
        assertHas(out, "no socket named \"s9\" exists at this step at /steps/1/expect/by/s9",
                "no socket named \"s8\" exists at this step at /steps/1/expect/among/1");
    }

    @Test
    void childNamesExistOnceTheListenerDoes() throws ScenarioException {
        Fixtures.read(Fixtures.steps(S1 + "{\"op\": \"close\", \"sock\": \"s1.7\"}"));
        assertHas(Fixtures.stepErrors("{\"op\": \"close\", \"sock\": \"x.1\"}"), "no socket named \"x.1\"");
    }

    @Test
    void dollarPortOfSocketWithoutPort() {
        assertHas(Fixtures.stepErrors(S1 + "{\"op\": \"connect\", \"sock\": \"c\", \"to\": \"127.0.0.1:$s1\"}"),
                "socket \"s1\" has no local port yet, so \"$s1\" has no value at /steps/1/to");
    }

    @Test
    void recreatedSocketHasNoPortUntilBound() {
        String out = Fixtures.stepErrors(S1 + "{\"op\": \"listen\", \"sock\": \"s1\"}, {\"op\": \"close\", \"sock\": \"s1\"}, "
                + S1 + "{\"op\": \"bind\", \"sock\": \"s1\", \"addr\": \"0.0.0.0:$s1\"}");
        assertHas(out, "socket \"s1\" has no local port yet");
    }

    @Test
    void dollarPortOfUnknownSocket() {
        assertHas(Fixtures.stepErrors("{\"op\": \"handshake\", \"from\": \"10.0.0.2:1\", \"to\": \"10.0.0.1:$srv\"}"),
                "\"$srv\" refers to no socket: \"srv\" does not exist at this step");
    }

    @Test
    void interfaceNeedsAnAddress() {
        assertHas(Fixtures.errors("{\"interfaces\": [{\"name\": \"eth1\", \"addrs\": []}], \"steps\": [{\"op\": \"dump\"}]}"),
                "an interface needs at least one address in \"addrs\" at /interfaces/0/addrs");
    }

    @Test
    void badFlags() {
        assertHas(Fixtures.stepErrors("{\"op\": \"send\", \"from\": \"10.0.0.2:1\", \"to\": \"10.0.0.1:1\", \"flags\": \"SYN\"}"),
                "bad flag 'Y' in \"SYN\" at /steps/0/flags");
    }

    @Test
    void everyErrorIsReportedSortedByPosition() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Fixtures.READER.read("t.json",
                "{\"steps\": [\n{\"op\": \"close\", \"sock\": \"nope\"},\n{\"op\": \"x\"}],\n\"seed\": \"1\", \"kernel\": \"9\"}"));
        List<Diagnostic> d = e.diagnostics();
        assertEquals(List.of(2, 3, 4, 4), d.stream().map(Diagnostic::line).toList());
        assertTrue(d.get(2).column() < d.get(3).column());
    }

    @Test
    void missingFileIsAnErrorNotACrash() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Fixtures.READER.read(Path.of("no/such.json")));
        assertEquals("no/such.json:1:1: error: no such file at /\n", e.format());
    }

    @Test
    void rootMustBeAnObject() {
        assertEquals("t.json:1:1: error: a scenario must be a JSON object, got the number 3 at /\n"
                + "  hint: write {\"steps\": [{\"op\": \"socket\", \"sock\": \"s1\"}]}\n", Fixtures.errors("3"));
    }

    @Test
    void crlfLineEndingsAndByteOrderMarkKeepPositions() {
        String out = Fixtures.errors("\uFEFF{\r\n  \"steps\": [\r\n    {\"op\": \"x\"}\r\n  ]\r\n}\r\n");
        assertHas(out, "t.json:3:12: error: unknown op \"x\" at /steps/0/op");
    }

    @Test
    void validFileReadsWithoutDiagnostics() throws ScenarioException {
        assertFalse(Fixtures.read(Fixtures.steps(S1 + "{\"op\": \"dump\"}")).steps().isEmpty());
    }
}
