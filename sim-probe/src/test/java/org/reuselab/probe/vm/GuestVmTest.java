package org.reuselab.probe.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boots a Debian kernel (REUSELAB_TEST_KERNEL, default 6.1) under qemu: skipped, with the reason,
 * where qemu or busybox-static is missing or the package cannot be had.
 */
@Tag("qemu")
class GuestVmTest {

    private static KernelImage kernel() {
        Optional<String> missing = GuestTools.missing();
        assumeTrue(missing.isEmpty(), () -> missing.orElse(""));
        String line = Optional.ofNullable(System.getenv("REUSELAB_TEST_KERNEL")).orElse("6.1");
        try {
            return new KernelImages(KernelImages.defaultCache(), System.err::println).get(line);
        } catch (VmUnavailableException e) {
            assumeTrue(false, "kernel " + line + " cannot be had here: " + e.getMessage());
            throw e;
        }
    }

    @Test
    void run_commandSeesHostFilesWritesOutputAndExitStatus(@TempDir Path tmp) throws Exception {
        KernelImage k = kernel();
        Files.writeString(tmp.resolve("in.txt"), "from the host\n");
        Path outDir = tmp.resolve("out");
        GuestCommand c = new GuestCommand(tmp, Map.of("GREETING", "hi"), List.of("/bin/sh", "-c",
                "cat in.txt; echo \"$GREETING\" >&2; uname -r > out/release; echo scratch > in2.txt; exit 7"),
                List.of(outDir));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        GuestResult r = new GuestVm(k, System.err::println).run(c, Duration.ofMinutes(5), out, err);
        assertEquals(7, r.exit());
        assertEquals(k.release(), r.release());
        assertEquals("from the host\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("hi\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(k.release() + "\n", Files.readString(outDir.resolve("release")), "the writable share came back");
        assertTrue(Files.notExists(tmp.resolve("in2.txt")), "the guest's other writes stay in the guest");
        assertTrue(r.bootMs() < GuestVm.BOOT_LIMIT.toMillis());
    }
}
