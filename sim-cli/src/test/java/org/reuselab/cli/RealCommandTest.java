package org.reuselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reuselab.probe.LinuxHost;

/** {@code reuselab real}: the command's exit status and output on this machine's kernel. */
@Tag("root")
class RealCommandTest {

    @Test
    void real_bindScenarios_exit0WithLinuxHost() {
        Optional<String> why = LinuxHost.unavailable();
        assumeTrue(why.isEmpty(), () -> why.orElse(""));
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = Main.execute("real", "../scenarios/bind/01-plain-duplicate.json",
                    "../scenarios/bind/07-reuseport-group.json");
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, status, text);
        assertTrue(text.contains("host linux "), text);
        assertTrue(text.contains("2 scenario file(s) on linux "), text);
    }

    @Test
    void real_badFile_exit2() {
        assertEquals(ExitCodes.BAD_INPUT, Main.execute("real", "../scenarios/invalid/json-empty.json"));
    }
}
