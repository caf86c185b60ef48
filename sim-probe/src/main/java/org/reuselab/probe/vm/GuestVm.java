package org.reuselab.probe.vm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Boots one kernel under qemu, runs one command in it and powers it off. The guest sees the host's
 * root (read-only, under a throwaway tmpfs overlay), so the same JDK and jar run there on the
 * host's files; its standard output and error are relayed as they are written, and its exit
 * status returned. qemu is killed when the boot or the run exceeds its limit and when this JVM
 * exits (a shutdown hook); the run's temporary directory goes with it. A boot that fails before
 * the command starts by what looks like chance (a kernel panic, no word from the init within the
 * boot limit) is repeated, at most {@link BootRetry#ATTEMPTS} boots in all ({@link BootRetry}).
 */
public final class GuestVm {

    /** Time from starting qemu to the guest's command starting (TCG boots in about 5-10 s). */
    static final Duration BOOT_LIMIT = Duration.ofMinutes(3);
    private static final int MEMORY_MB = 3072;
    private static final int CPUS = 1;
    private static final long POLL_MS = 100;

    private final KernelImage kernel;
    private final Consumer<String> progress;

    public GuestVm(KernelImage kernel, Consumer<String> progress) {
        this.kernel = kernel;
        this.progress = progress;
    }

    /** Runs {@code command} in the guest; its output goes to {@code out} and {@code err} while it runs. */
    public GuestResult run(GuestCommand command, Duration runLimit, OutputStream out, OutputStream err) {
        Path qemu = GuestTools.qemu();
        Path dir = tempDir();
        Thread cleanup = new Thread(() -> KernelImages.deleteTree(dir), "reuselab-vm-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return boot(qemu, dir, command, runLimit, out, err);
        } catch (IOException e) {
            throw new VmUnavailableException("cannot prepare the guest in " + dir + ": " + e.getMessage(), e);
        } finally {
            KernelImages.deleteTree(dir);
            removeHook(cleanup);
        }
    }

    private GuestResult boot(Path qemu, Path dir, GuestCommand command, Duration runLimit, OutputStream out,
            OutputStream err) throws IOException {
        Path initrd = dir.resolve("initrd.cpio");
        Files.write(initrd, initramfs());
        List<Share> writable = shares(command.outputs());
        long first = System.nanoTime();
        GuestResult r = BootRetry.run(BootRetry.ATTEMPTS, n -> attempt(n, qemu, dir, initrd, writable, command, runLimit,
                out, err), progress);
        return new GuestResult(r.exit(), r.release(), r.bootMs(), (System.nanoTime() - first) / 1_000_000);
    }

    /** One boot, in its own control directory and console log; a failure before the command is a {@link BootRetry.BootFailure}. */
    private GuestResult attempt(int n, Path qemu, Path dir, Path initrd, List<Share> writable, GuestCommand command,
            Duration runLimit, OutputStream out, OutputStream err) throws IOException, BootRetry.BootFailure {
        Path boot = Files.createDirectories(dir.resolve("boot-" + n));
        Path control = Files.createDirectories(boot.resolve("control"));
        Files.writeString(control.resolve("command.sh"), command.script());
        Files.writeString(control.resolve("mounts"), mountsFile(writable));
        QemuCommand q = new QemuCommand(qemu, kernel.vmlinuz(), initrd, new Share("control", control, "/.reuselab-vm"),
                writable, MEMORY_MB, CPUS);
        progress.accept("reuselab: booting " + kernel.release() + " under qemu (software emulation)");
        Path console = boot.resolve("console.log");
        long started = System.nanoTime();
        Process p = new ProcessBuilder(withParentDeathSignal(q.args())).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        Thread kill = new Thread(p::destroyForcibly, "reuselab-vm-kill");
        Runtime.getRuntime().addShutdownHook(kill);
        try {
            GuestOutput relay = new GuestOutput(control, out, err);
            long bootMs = awaitBoot(p, control, console, started);
            waitRun(p, relay, runLimit, console);
            relay.drain();
            return result(control, console, bootMs, (System.nanoTime() - started) / 1_000_000);
        } finally {
            p.destroyForcibly();
            waitGone(p);
            removeHook(kill);
        }
    }

    /** The initramfs for this kernel; a package without the modules the guest needs is reported, not thrown. */
    private byte[] initramfs() {
        try {
            return Initramfs.build(GuestTools.busybox(), ModuleTree.of(kernel.modulesDir()).resolve(Initramfs.REQUIRED,
                    Initramfs.OPTIONAL));
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            throw new VmUnavailableException("cannot build the initramfs for " + kernel.packageName() + " ("
                    + kernel.modulesDir() + "): " + e.getMessage() + "; the guest needs "
                    + String.join(", ", Initramfs.REQUIRED) + " as modules or built in", e);
        }
    }

    /**
     * Waits until the guest's init has written its release (it does so just before the command).
     * A boot that fails first is a {@link BootRetry.BootFailure}, retryable where
     * {@link BootRetry#retryReason} says so; a panic seen on the console ends the wait at once.
     */
    private long awaitBoot(Process p, Path control, Path console, long started) throws BootRetry.BootFailure {
        long deadline = started + BOOT_LIMIT.toNanos();
        for (long polls = 0; !Files.exists(control.resolve("release")); polls++) {
            if (!p.isAlive()) {
                if (Files.exists(control.resolve("release"))) {
                    break;
                }
                throw bootFailure("the guest stopped before running the command", console, false,
                        OptionalInt.of(p.exitValue()));
            }
            if (System.nanoTime() > deadline) {
                throw bootFailure("the guest did not start the command within " + BOOT_LIMIT.toSeconds() + " s", console,
                        true, OptionalInt.empty());
            }
            if (polls % 10 == 9 && consoleText(console).contains("Kernel panic")) {
                throw bootFailure("the guest's kernel panicked while booting", console, false, OptionalInt.empty());
            }
            sleep();
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static BootRetry.BootFailure bootFailure(String what, Path console, boolean timedOut, OptionalInt exit) {
        Optional<String> reason = BootRetry.retryReason(consoleText(console), timedOut, exit);
        return new BootRetry.BootFailure(reason.map(r -> what + ": " + r).orElse(what), tail(console), reason.isPresent());
    }

    private static void waitGone(Process p) {
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitRun(Process p, GuestOutput relay, Duration runLimit, Path console) throws IOException {
        long deadline = System.nanoTime() + runLimit.toNanos();
        while (p.isAlive()) {
            relay.poll();
            if (System.nanoTime() > deadline) {
                throw failure("the guest's command did not finish within " + runLimit.toMinutes() + " min", console);
            }
            try {
                p.waitFor(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VmUnavailableException("interrupted while the guest ran", e);
            }
        }
    }

    private static GuestResult result(Path control, Path console, long bootMs, long totalMs) throws IOException {
        Path status = control.resolve("status");
        if (!Files.exists(status)) {
            throw failure("the guest powered off without an exit status", console);
        }
        int exit = Integer.parseInt(Files.readString(status).strip());
        return new GuestResult(exit, Files.readString(control.resolve("release")).strip(), bootMs, totalMs);
    }

    private static List<Share> shares(List<Path> outputs) throws IOException {
        List<Share> s = new ArrayList<>();
        for (Path o : outputs) {
            Path abs = o.toAbsolutePath().normalize();
            Files.createDirectories(abs);
            s.add(new Share("out" + s.size(), abs, abs.toString()));
        }
        return s;
    }

    /** qemu under {@code setpriv --pdeathsig KILL} where there is one: it dies with this JVM even on SIGKILL. */
    private static List<String> withParentDeathSignal(List<String> args) {
        List<String> a = new ArrayList<>();
        HostCommand.which("setpriv").ifPresent(s -> a.addAll(List.of(s.toString(), "--pdeathsig", "KILL")));
        a.addAll(args);
        return a;
    }

    static String mountsFile(List<Share> shares) {
        StringBuilder b = new StringBuilder();
        shares.forEach(s -> b.append(s.tag()).append(' ').append(s.guestPath()).append('\n'));
        return b.toString();
    }

    private static VmUnavailableException failure(String what, Path console) {
        return new VmUnavailableException(what + "; the console's last lines:\n" + tail(console));
    }

    private static String tail(Path console) {
        if (!Files.exists(console)) {
            return "  (no console log)";
        }
        List<String> lines = consoleText(console).lines().filter(l -> !l.isBlank()).toList();
        return "  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** The console log as text, without carriage returns and terminal escapes ("" if unreadable). */
    static String consoleText(Path console) {
        try {
            return Files.readString(console, StandardCharsets.ISO_8859_1).replace("\r", "")
                    .replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]", "");
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A fresh directory for this run, holding this JVM's pid; left-overs of runs whose JVM was
     * killed (SIGKILL runs no hook) are deleted first.
     */
    private static Path tempDir() {
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            try (var old = Files.newDirectoryStream(tmp, "reuselab-vm-*")) {
                for (Path d : old) {
                    if (abandoned(d)) {
                        KernelImages.deleteTree(d);
                    }
                }
            }
            Path dir = Files.createTempDirectory("reuselab-vm-");
            Files.writeString(dir.resolve("pid"), Long.toString(ProcessHandle.current().pid()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean abandoned(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve("pid")).strip());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException | UncheckedIOException e) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VmUnavailableException("interrupted while the guest booted", e);
        }
    }
}
