package org.reuselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The relay's command line and its "run here" cases (no guest is booted). */
class GuestRelayTest {

    @Test
    void withoutKernelImage_bothSpellings() {
        assertEquals(List.of("compare", "a.json", "--all-steps"), GuestRelay.withoutKernelImage(
                List.of("compare", "--kernel-image", "6.1", "a.json", "--all-steps")));
        assertEquals(List.of("fuzz", "--count", "5"), GuestRelay.withoutKernelImage(
                List.of("fuzz", "--kernel-image=6.12", "--count", "5")));
    }

    @Test
    void relayIfRequested_absentOrHost_runsHere() {
        PrintWriter w = new PrintWriter(new StringWriter());
        assertEquals(Optional.empty(), GuestRelay.relayIfRequested(null, List.of("real", "a.json"), w, w));
        assertEquals(Optional.empty(), GuestRelay.relayIfRequested("host", List.of("real", "a.json"), w, w));
    }

    @Test
    void commandLine_sameJavaClassPathAndMain() {
        List<String> c = GuestRelay.commandLine(List.of("real", "--kernel-image", "6.1", "f.json"));
        assertTrue(c.get(0).endsWith("/bin/java"), c.toString());
        assertTrue(c.contains("--enable-native-access=ALL-UNNAMED"), c.toString());
        assertEquals(List.of(Main.class.getName(), "real", "f.json"), c.subList(c.size() - 3, c.size()));
    }

    @Test
    void kernelImageOption_badLine_exit2WithOneLine() {
        Cli r = Cli.run("real", "--kernel-image", "six", "../scenarios/bind/01-plain-duplicate.json");
        assertEquals(ExitCodes.BAD_INPUT, r.status(), r.err());
        assertTrue(r.err().startsWith("reuselab: "), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }
}
