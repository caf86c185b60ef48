package org.reuselab.probe.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Which failed boots are tried again, and how often (no qemu: canned consoles and fake boots). */
class BootRetryTest {

    /** The shape of an early oops under emulation as the console shows it with quiet loglevel=4. */
    private static final String PANIC = """
            SeaBIOS (version 1.16.2-debian-1.16.2-1)
            Booting from ROM..
            [    0.412391] Kernel panic - not syncing: Attempted to kill the idle task!
            [    0.412391] ---[ end Kernel panic - not syncing: Attempted to kill the idle task! ]---
            """;

    @Test
    void retryReason_panicWhileBooting_retried() {
        assertEquals(Optional.of("Kernel panic - not syncing: Attempted to kill the idle task!"),
                BootRetry.retryReason(PANIC, false, OptionalInt.of(0)));
    }

    @Test
    void retryReason_noWordFromInitWithinLimit_retried() {
        assertEquals(Optional.of("no word from the guest's init"),
                BootRetry.retryReason("SeaBIOS\nBooting from ROM..\n", true, OptionalInt.empty()));
    }

    @Test
    void retryReason_guestResetSilently_retried() {
        assertTrue(BootRetry.retryReason("Booting from ROM..\n", false, OptionalInt.of(0)).isPresent());
    }

    @Test
    void retryReason_initsOwnFailure_notRetried() {
        assertEquals(Optional.empty(), BootRetry.retryReason("reuselab-guest: insmod 9p failed\n", false,
                OptionalInt.of(0)));
    }

    @Test
    void retryReason_qemuError_notRetried() {
        assertEquals(Optional.empty(), BootRetry.retryReason(
                "qemu-system-x86_64: -virtfs local,path=/x: cannot initialize fsdev\n", false, OptionalInt.of(1)));
    }

    @Test
    void retryReason_panicEveryBootWouldMeet_notRetried() {
        assertEquals(Optional.empty(), BootRetry.retryReason(
                "[    1.0] Kernel panic - not syncing: No working init found.  Try passing init= option to kernel.\n", false,
                OptionalInt.of(0)));
    }

    @Test
    void run_twoChanceFailures_thirdBootRuns_saidTwice() throws Exception {
        List<String> said = new ArrayList<>();
        List<Integer> boots = new ArrayList<>();
        String r = BootRetry.run(3, n -> {
            boots.add(n);
            if (n < 3) {
                throw new BootRetry.BootFailure("the guest's kernel panicked while booting", "  tail", true);
            }
            return "ran";
        }, said::add);
        assertEquals("ran", r);
        assertEquals(List.of(1, 2, 3), boots);
        assertEquals(List.of(
                "reuselab: boot 1 failed before the command started (the guest's kernel panicked while booting); "
                        + "booting again (2 of at most 3)",
                "reuselab: boot 2 failed before the command started (the guest's kernel panicked while booting); "
                        + "booting again (3 of at most 3)"), said);
    }

    @Test
    void run_chanceFailuresEveryTime_boundedAtThree() {
        List<Integer> boots = new ArrayList<>();
        VmUnavailableException e = assertThrows(VmUnavailableException.class, () -> BootRetry.run(3, n -> {
            boots.add(n);
            throw new BootRetry.BootFailure("the guest did not start the command within 180 s", "  tail", true);
        }, s -> { }));
        assertEquals(List.of(1, 2, 3), boots);
        assertTrue(e.getMessage().startsWith("after 3 boots: the guest did not start the command within 180 s"),
                e.getMessage());
    }

    @Test
    void run_failureNotByChance_notRetried() {
        List<Integer> boots = new ArrayList<>();
        List<String> said = new ArrayList<>();
        VmUnavailableException e = assertThrows(VmUnavailableException.class, () -> BootRetry.run(3, n -> {
            boots.add(n);
            throw new BootRetry.BootFailure("the guest stopped before running the command", "  reuselab-guest: x", false);
        }, said::add));
        assertEquals(List.of(1), boots);
        assertEquals(List.of(), said);
        assertTrue(e.getMessage().startsWith("the guest stopped before running the command; the console's last lines:"));
    }
}
