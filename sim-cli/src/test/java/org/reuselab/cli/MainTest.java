package org.reuselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reuselab.core.kernel.KernelProfiles;

/** The reuselab command as a person runs it: exit statuses, messages, help and the profile list. */
class MainTest {

    private static final Path SCENARIOS = Path.of("../scenarios");
    private static final String PASSING = "../scenarios/bind/01-plain-duplicate.json";
    private static final Pattern DIAGNOSTIC = Pattern.compile("^\\S+:\\d+:\\d+: error: .+ at /\\S*$");

    @TempDir
    Path tmp;

    @Test
    void run_passingScenario_exits0() {
        Cli r = Cli.run("run", PASSING);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("1 scenario file(s), 1 run(s): "), r.out());
        assertTrue(r.out().contains(" 0 failed"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void run_failingExpectation_exits1AndNamesTheStep() throws IOException {
        Path f = write("wrong.json", """
                {"kernel": "6.18", "steps": [
                  {"op": "socket", "sock": "a"},
                  {"op": "bind", "sock": "a", "addr": "127.0.0.1:5000", "expect": "ok"},
                  {"op": "socket", "sock": "b"},
                  {"op": "bind", "sock": "b", "addr": "127.0.0.1:5000", "expect": "ok"}
                ]}
                """);
        Cli r = Cli.run("run", f.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("[FAIL: expected ok, got EADDRINUSE]"), r.out());
        assertTrue(r.out().contains("CONFLICT_NO_REUSE"), "a failed step explains its rule:\n" + r.out());
    }

    @Test
    void run_quietFailingExpectation_printsOnlyTheFailure() throws IOException {
        Path f = write("wrong.json", """
                {"steps": [{"op": "socket", "sock": "a"}, {"op": "listen", "sock": "a", "expect": "EINVAL"}]}
                """);
        Cli r = Cli.run("run", "--quiet", f.toString());
        assertEquals(1, r.status());
        assertEquals(List.of(f + ": step 2 (listen a backlog=128): expected EINVAL, got ok [EPHEMERAL_CHOSEN: "
                + "the first port of the search that no overlapping owner holds]",
                "1 scenario file(s), 1 run(s): 0 passed, 1 failed"), r.out().lines().toList());
    }

    @Test
    void run_badScenarioFile_exits2WithCompilerStyleMessageAndNoStackTrace() throws IOException {
        Path f = write("bad.json", """
                {"steps": [{"op": "bnid", "sock": "a"}]}
                """);
        Cli r = Cli.run("run", f.toString());
        assertEquals(2, r.status());
        assertEquals("", r.out());
        String first = r.err().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith(f + ":1:"), first);
        assertTrue(DIAGNOSTIC.matcher(first).matches(), first);
        assertTrue(first.endsWith(" at /steps/0/op"), first);
        assertNoStackTrace(r.err());
    }

    @Test
    void run_missingFile_exits2() {
        Cli r = Cli.run("run", tmp.resolve("nope.json").toString());
        assertEquals(2, r.status());
        assertEquals(tmp.resolve("nope.json") + ":1:1: error: no such file at /", r.err().strip());
    }

    @Test
    void run_unknownKernel_exits2AndListsTheProfiles() {
        Cli r = Cli.run("run", "--kernel", "9.99", PASSING);
        assertEquals(2, r.status());
        assertTrue(r.err().contains("unknown kernel profile '9.99'"), r.err());
        assertTrue(r.err().contains(String.join(", ", KernelProfiles.names())), r.err());
        assertEquals("", r.out());
        assertNoStackTrace(r.err());
    }

    @Test
    void run_unknownOption_exits2() {
        Cli r = Cli.run("run", "--no-such-option", PASSING);
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("reuselab: "), r.err());
    }

    @Test
    void run_kernelOption_runsThatProfile() {
        Cli r = Cli.run("run", "--kernel", "4.4", PASSING);
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("kernel 4.4"), r.out());
    }

    @Test
    void run_sameSeedTwice_printsTheSameJson() {
        String f = "../scenarios/reuseport/seed-three-reuseport-servers.json";
        Cli a = Cli.run("run", "--seed", "7", "--format", "json", f);
        Cli b = Cli.run("run", "--seed", "7", "--format", "json", f);
        assertEquals(a.out(), b.out());
        assertTrue(a.out().contains("\"seed\" : 7"), a.out());
    }

    @ParameterizedTest(name = "{0} --help shows an example")
    @ValueSource(strings = {"", "run", "check", "profiles"})
    void help_onEveryCommand_showsAnExample(String command) {
        Cli r = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("Usage: reuselab" + (command.isEmpty() ? "" : " " + command)), r.out());
        assertTrue(r.out().contains("Example"), r.out());
        assertTrue(r.out().contains("  reuselab " + command), r.out());
    }

    @Test
    void profiles_listsEveryProfile() {
        Cli r = Cli.run("profiles");
        assertEquals(0, r.status());
        String header = r.out().lines().filter(l -> l.startsWith("behaviour")).findFirst().orElseThrow();
        for (String p : KernelProfiles.names()) {
            assertTrue(r.out().startsWith("profiles: ") && r.out().lines().findFirst().orElseThrow().contains(p), p);
            assertTrue(header.contains(" " + p + " ") || header.endsWith(" " + p), "column for " + p + ": " + header);
        }
        assertTrue(r.out().contains("(default: " + KernelProfiles.newest().name() + ")"), r.out());
    }

    @Test
    void check_validFiles_exits0AndSaysOkForEach() {
        Cli r = Cli.run("check", PASSING, "../scenarios/reload/reload-drops-queued-connections.json");
        assertEquals(0, r.status());
        assertEquals(List.of("ok " + PASSING, "ok ../scenarios/reload/reload-drops-queued-connections.json"),
                r.out().lines().toList());
    }

    /** In process, paths are seen from the module directory: the message names ../scenarios/invalid/X.json. */
    @TestFactory
    Stream<DynamicTest> check_eachInvalidFile_exits2WithItsExpectedText() throws IOException {
        return invalidFiles().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Cli r = Cli.run("check", f.toString());
            assertEquals(2, r.status());
            assertEquals("", r.out());
            String expected = Files.readString(expectedOf(f), StandardCharsets.UTF_8)
                    .replace("scenarios/invalid/", "../scenarios/invalid/");
            assertEquals(expected, r.err());
            assertNoStackTrace(r.err());
        }));
    }

    /** The command run from the repository root prints the .expected files byte for byte, all at once. */
    @Test
    void check_allInvalidFilesFromRepositoryRoot_printsExactlyTheExpectedTexts() throws Exception {
        List<Path> files = invalidFiles();
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName(), "check"));
        files.forEach(f -> cmd.add("scenarios/invalid/" + f.getFileName()));
        Path errFile = tmp.resolve("err.txt");
        Path outFile = tmp.resolve("out.txt");
        Process p = new ProcessBuilder(cmd).directory(Path.of("..").toFile()).redirectError(errFile.toFile())
                .redirectOutput(outFile.toFile()).start();
        assertEquals(2, p.waitFor());
        StringBuilder expected = new StringBuilder();
        for (Path f : files) {
            expected.append(Files.readString(expectedOf(f), StandardCharsets.UTF_8));
        }
        assertEquals(expected.toString(), Files.readString(errFile, StandardCharsets.UTF_8));
        assertEquals("", Files.readString(outFile, StandardCharsets.UTF_8));
    }

    private static List<Path> invalidFiles() throws IOException {
        try (Stream<Path> s = Files.list(SCENARIOS.resolve("invalid"))) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertFalse(files.isEmpty());
            return files;
        }
    }

    private static Path expectedOf(Path json) {
        return json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", ".expected"));
    }

    private static void assertNoStackTrace(String err) {
        assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("    at "), err);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }
}
