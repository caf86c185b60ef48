package org.reuselab.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.reuselab.probe.vm.GuestCommand;
import org.reuselab.probe.vm.GuestResult;
import org.reuselab.probe.vm.GuestTools;
import org.reuselab.probe.vm.GuestVm;
import org.reuselab.probe.vm.KernelImage;
import org.reuselab.probe.vm.KernelImages;
import org.reuselab.probe.vm.VmUnavailableException;

/**
 * {@code --kernel-image K} for any command: boots kernel K under qemu once and runs the same
 * reuselab command in it (same JDK, same class path, same working directory, the arguments less
 * {@code --kernel-image}), relaying its output and exit status. The guest sees the host's files
 * read-only; directories the command writes are named as {@code outputs} and mounted writable.
 */
public final class GuestRelay {

    /** The option's name, as every command spells it. */
    public static final String OPTION = "--kernel-image";
    /** The value that means the machine's own kernel (no guest). */
    public static final String HOST = "host";
    /** A guest's command may run this long (a fuzz campaign under emulation takes hours). */
    static final Duration RUN_LIMIT = Duration.ofHours(8);
    /**
     * This JVM's options the guest's JVM takes too. Not the launcher's AOT cache: its code was
     * made for the host's CPU, and the emulated one lacks some of its instructions (SIGILL, seen).
     */
    private static final List<String> JVM_FLAGS = List.of("--enable-native-access", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel", "-Xshare", "-Xmx", "-Xss");
    /** Set in the guest to the kernel image it boots, so a command there can name it (fuzz's reproduce lines). */
    static final String GUEST_ENV = "REUSELAB_KERNEL_IMAGE";
    private static final List<String> ENV = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "XDG_CACHE_HOME");

    /** A finished guest run: exit status, the guest kernel's release, and what it printed (when captured). */
    record Run(int exit, String release, String stdout) {
    }

    private GuestRelay() {
    }

    /**
     * Runs {@code args} (a whole reuselab command line, e.g. {@code compare --kernel-image 6.1 f.json})
     * in a guest when {@code kernelImage} names a kernel other than {@code host}; empty when it is
     * null or {@code host} (the caller runs the command here). Output goes to {@code out} and
     * {@code err} as the guest writes it; the result is the command's exit status, or 2 with a
     * one-line reason when the guest cannot be booted.
     */
    public static Optional<Integer> relayIfRequested(String kernelImage, List<String> args, PrintWriter out,
            PrintWriter err) {
        return relayIfRequested(kernelImage, args, List.of(), out, err);
    }

    /** As above; {@code outputs} are directories the command writes, which come back to the host. */
    public static Optional<Integer> relayIfRequested(String kernelImage, List<String> args, List<Path> outputs,
            PrintWriter out, PrintWriter err) {
        if (kernelImage == null || HOST.equals(kernelImage)) {
            return Optional.empty();
        }
        try (LineRelay o = new LineRelay(out); LineRelay e = new LineRelay(err)) {
            return Optional.of(run(kernelImage, args, outputs, o, e, err).exit());
        } catch (VmUnavailableException ex) {
            err.println("reuselab: " + ex.getMessage());
            err.flush();
            return Optional.of(ExitCodes.BAD_INPUT);
        }
    }

    /** Runs {@code args} in the guest and keeps its standard output; its standard error goes to {@code err}. */
    static Run capture(String kernelImage, List<String> args, PrintWriter err) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LineRelay e = new LineRelay(err)) {
            Run r = run(kernelImage, args, List.of(), out, e, err);
            return new Run(r.exit(), r.release(), out.toString(StandardCharsets.UTF_8));
        }
    }

    private static Run run(String kernelImage, List<String> args, List<Path> outputs, OutputStream out,
            OutputStream guestErr, PrintWriter err) {
        Optional<String> missing = GuestTools.missing();
        if (missing.isPresent()) {
            throw new VmUnavailableException(missing.get());
        }
        KernelImage kernel = new KernelImages(KernelImages.defaultCache(), line -> {
            err.println(line);
            err.flush();
        }).get(kernelImage);
        GuestCommand command = new GuestCommand(Path.of("").toAbsolutePath(), environment(kernelImage), commandLine(args),
                outputs);
        GuestResult r = new GuestVm(kernel, line -> {
            err.println(line);
            err.flush();
        }).run(command, RUN_LIMIT, out, guestErr);
        err.printf("reuselab: guest linux %s: booted in %.1f s, exit %d after %.1f s%n", r.release(), r.bootMs() / 1e3,
                r.exit(), r.totalMs() / 1e3);
        err.flush();
        return new Run(r.exit(), r.release(), "");
    }

    /** The guest's command line: this JVM's java, its native-access and GC flags, class path and main class. */
    static List<String> commandLine(List<String> args) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (JVM_FLAGS.stream().anyMatch(flag::startsWith)) {
                c.add(flag);
            }
        }
        if (c.stream().noneMatch(f -> f.startsWith("--enable-native-access"))) {
            c.add("--enable-native-access=ALL-UNNAMED");
        }
        c.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        c.addAll(withoutKernelImage(args));
        return c;
    }

    /** {@code args} less {@code --kernel-image K} (or {@code --kernel-image=K}). */
    static List<String> withoutKernelImage(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(OPTION)) {
                i++;
            } else if (!a.startsWith(OPTION + "=")) {
                out.add(a);
            }
        }
        return out;
    }

    /** {@code "--kernel-image K "} when this command runs in a guest that {@link GuestRelay} booted, else "". */
    static String reproduceOption() {
        String k = System.getenv(GUEST_ENV);
        return k == null || k.isBlank() ? "" : OPTION + " " + k + " ";
    }

    private static Map<String, String> environment(String kernelImage) {
        Map<String, String> env = new TreeMap<>();
        for (String name : ENV) {
            String v = System.getenv(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put(GUEST_ENV, kernelImage);
        return env;
    }
}
