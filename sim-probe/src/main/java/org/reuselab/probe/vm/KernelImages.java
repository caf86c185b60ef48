package org.reuselab.probe.vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Real kernels from Debian's package registry: "6.1" is resolved to the newest generic amd64
 * image of that line ({@code apt-cache search}), downloaded once ({@code apt-get download}) and
 * unpacked ({@code dpkg -x}) into the cache, {@code $REUSELAB_KERNEL_CACHE} or
 * {@code ${XDG_CACHE_HOME:-~/.cache}/reuselab/kernels/<package>/}. Later runs use the cache,
 * also without the registry.
 */
public final class KernelImages {

    private static final String COMPLETE = ".complete";
    private static final long DOWNLOAD_TIMEOUT_S = 1800;

    private final Path cache;
    private final Consumer<String> progress;

    public KernelImages(Path cache, Consumer<String> progress) {
        this.cache = cache;
        this.progress = progress;
    }

    /** The cache directory the environment names. */
    public static Path defaultCache() {
        String explicit = System.getenv("REUSELAB_KERNEL_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("reuselab").resolve("kernels");
    }

    /** The kernel for a line ("6.1") or an exact package name ("linux-image-6.1.0-56-amd64"). */
    public KernelImage get(String spec) {
        String pkg = spec.startsWith("linux-image-") ? spec : resolve(spec);
        Path dir = cache.resolve(pkg);
        if (!Files.exists(dir.resolve(COMPLETE))) {
            download(pkg, dir);
        }
        return unpacked(pkg, dir);
    }

    private String resolve(String line) {
        if (!KernelPackages.LINE.matcher(line).matches()) {
            throw new VmUnavailableException("--kernel-image: '" + line + "' is no kernel line (e.g. 6.1, 6.12) and no "
                    + "package name (linux-image-...)");
        }
        List<String> names = List.of();
        if (HostCommand.which("apt-cache").isPresent()) {
            HostCommand.Result r = HostCommand.run(List.of("apt-cache", "search", "--names-only",
                    "^linux-image-" + line.replace(".", "\\.") + "\\."), cache.getRoot(), 120);
            names = r.stdout().lines().map(l -> l.split(" ", 2)[0]).toList();
        }
        Optional<String> fromRegistry = KernelPackages.newest(line, names);
        if (fromRegistry.isPresent()) {
            return fromRegistry.get();
        }
        Optional<String> cached = KernelPackages.newest(line, cachedPackages());
        return cached.orElseThrow(() -> new VmUnavailableException("no Debian package of Linux " + line
                + " found (apt-cache search finds no linux-image-" + line + ".*-amd64; run 'apt-get update'"
                + (HostCommand.which("apt-cache").isEmpty() ? " on a Debian host" : "") + ")"));
    }

    private List<String> cachedPackages() {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(d -> Files.exists(d.resolve(COMPLETE))).map(d -> d.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void download(String pkg, Path dir) {
        for (String tool : List.of("apt-get", "dpkg")) {
            if (HostCommand.which(tool).isEmpty()) {
                throw new VmUnavailableException("--kernel-image needs " + tool + " (a Debian host) to fetch " + pkg);
            }
        }
        try {
            Files.createDirectories(cache);
            Path work = Files.createTempDirectory(cache, ".download-");
            try {
                progress.accept("reuselab: downloading " + pkg + " from Debian's registry (once; cached in " + dir + ")");
                HostCommand.Result got = HostCommand.run(List.of("apt-get", "download", "-q", pkg), work,
                        DOWNLOAD_TIMEOUT_S);
                Path deb = debIn(work).orElseThrow(() -> new VmUnavailableException("apt-get download " + pkg
                        + " failed: " + lastLine(got.stderr()) + " (try 'apt-get update')"));
                progress.accept("reuselab: unpacking " + deb.getFileName() + " (" + Files.size(deb) / 1_000_000 + " MB)");
                Path unpacked = work.resolve("unpacked");
                HostCommand.Result x = HostCommand.run(List.of("dpkg", "-x", deb.toString(), unpacked.toString()), work,
                        600);
                if (!x.ok()) {
                    throw new VmUnavailableException("dpkg -x " + deb + " failed: " + lastLine(x.stderr()));
                }
                Files.writeString(unpacked.resolve(COMPLETE), pkg + "\n");
                deleteTree(dir);
                Files.move(unpacked, dir, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            throw new VmUnavailableException("cannot fill the kernel cache " + cache + ": " + e.getMessage(), e);
        }
    }

    private static KernelImage unpacked(String pkg, Path dir) {
        try (Stream<Path> boot = Files.list(dir.resolve("boot")); Stream<Path> mods = Files.list(dir.resolve("lib/modules"))) {
            Path vmlinuz = boot.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).findFirst()
                    .orElseThrow(() -> new VmUnavailableException(pkg + " holds no boot/vmlinuz-*"));
            Path modules = mods.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new VmUnavailableException(pkg + " holds no lib/modules/RELEASE"));
            return new KernelImage(pkg, modules.getFileName().toString(), vmlinuz, modules);
        } catch (IOException e) {
            throw new VmUnavailableException("the cached " + pkg + " in " + dir + " is broken (" + e.getMessage()
                    + "); delete that directory", e);
        }
    }

    private static Optional<Path> debIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst();
        }
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "(no message)" : lines.get(lines.size() - 1);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
