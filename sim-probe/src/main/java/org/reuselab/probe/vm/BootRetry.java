package org.reuselab.probe.vm;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Boots again when a boot failed before the guest's command started and the failure looks like
 * chance, not like the kernel or the initramfs: a kernel panic on the console, no word from the
 * guest's init within the boot limit, or a guest that reset before its init said anything.
 * Debian's 7.2.13 under software emulation oopsed early in one boot of three (int3 in
 * {@code sched_clock_cpu}, while the kernel patched its own code) and the next boot went through.
 * At most {@link #ATTEMPTS} boots; once the command has started nothing is retried.
 */
final class BootRetry {

    /** Boots in all: the first and up to two more. */
    static final int ATTEMPTS = 3;
    /** Marks the guest init's own failure messages (init.sh's fail()): those are not chance. */
    static final String INIT_MESSAGE = "reuselab-guest:";
    /** Panics that every boot of this kernel and initramfs would meet again. */
    private static final List<String> DETERMINISTIC_PANICS = List.of("No working init found",
            "Unable to mount root fs", "No init found");

    /** One boot that did not reach the command: a one-line summary, and the console's last lines. */
    static final class BootFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String summary;
        private final boolean retryable;

        BootFailure(String summary, String consoleTail, boolean retryable) {
            super(summary + "; the console's last lines:\n" + consoleTail);
            this.summary = summary;
            this.retryable = retryable;
        }

        String summary() {
            return summary;
        }

        boolean retryable() {
            return retryable;
        }
    }

    /** One boot attempt (numbered from 1), which returns once the command has run or throws {@link BootFailure}. */
    interface Boot<T> {
        T attempt(int number) throws BootFailure, IOException;
    }

    private BootRetry() {
    }

    /**
     * Runs {@code boot} until an attempt gets past the boot, at most {@code attempts} times; each
     * retry is announced on {@code progress}. A failure that is not retryable, or the last one, is
     * thrown as a {@link VmUnavailableException} with its message.
     */
    static <T> T run(int attempts, Boot<T> boot, Consumer<String> progress) throws IOException {
        for (int n = 1; ; n++) {
            try {
                return boot.attempt(n);
            } catch (BootFailure f) {
                if (!f.retryable() || n >= attempts) {
                    throw new VmUnavailableException(n > 1 ? "after " + n + " boots: " + f.getMessage()
                            : f.getMessage());
                }
                progress.accept("reuselab: boot " + n + " failed before the command started (" + f.summary()
                        + "); booting again (" + (n + 1) + " of at most " + attempts + ")");
            }
        }
    }

    /**
     * Why a boot that did not reach the command is worth repeating, or empty when it is not.
     * {@code console} is what the guest printed (and qemu's own messages), {@code timedOut}
     * whether the boot limit passed, {@code qemuExit} qemu's exit status if it exited.
     */
    static Optional<String> retryReason(String console, boolean timedOut, OptionalInt qemuExit) {
        List<String> lines = console.replace("\r", "").lines().map(String::strip).toList();
        if (lines.stream().anyMatch(l -> l.contains(INIT_MESSAGE))) {
            return Optional.empty();
        }
        Optional<String> panic = lines.stream().filter(l -> l.contains("Kernel panic")).findFirst();
        if (panic.isPresent()) {
            String p = panic.get().replaceFirst("^\\[[ 0-9.]*\\]\\s*", "");
            return DETERMINISTIC_PANICS.stream().anyMatch(p::contains) ? Optional.empty() : Optional.of(p);
        }
        if (timedOut) {
            return Optional.of("no word from the guest's init");
        }
        if (qemuExit.isPresent() && qemuExit.getAsInt() == 0) {
            return Optional.of("the guest reset before its init ran");
        }
        return Optional.empty();
    }
}
