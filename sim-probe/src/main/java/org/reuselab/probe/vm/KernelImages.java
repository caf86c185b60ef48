package org.reuselab.probe.vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Real kernels from Debian's package registry: "6.1" is resolved to the newest generic amd64
 * image of that line ({@code apt-cache search}; not -rt, -cloud, -dbg or -unsigned), downloaded
 * once ({@code apt-get download}) and unpacked ({@code dpkg -x}) into the cache,
 * {@code $REUSELAB_KERNEL_CACHE} or {@code ${XDG_CACHE_HOME:-~/.cache}/reuselab/kernels/<package>/}.
 * A line is looked up first with the machine's own apt sources, then in Debian's other suites
 * through a private apt state in the cache ({@link PrivateApt}: bullseye for 5.10, sid for 7.2,
 * trixie for 6.12 where the machine has no 6.12). The packages of the same build that the image
 * depends on (sid's split linux-binary-, linux-modules-, linux-base-) are fetched with it and
 * unpacked into the same directory ({@link KernelLayout}). Later runs use the cache, also
 * without the registry.
 */
public final class KernelImages {

    private static final String COMPLETE = ".complete";
    private static final String PRIVATE_APT = ".apt";
    /** Rounds of following same-build dependencies (image, then binary/modules, then base). */
    private static final int DEPENDENCY_ROUNDS = 4;

    /** The machine's apt configuration, which is only read (its source lists). */
    private static final Path ETC_APT = Path.of("/etc/apt");

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

    /** A package to fetch and the apt that has it (empty: only in the cache). */
    private record Choice(String pkg, Optional<Apt> apt) {
    }

    /** The kernel for a line ("6.1") or an exact package name ("linux-image-6.1.0-56-amd64"). */
    public KernelImage get(String spec) {
        boolean exact = spec.startsWith("linux-image-");
        if (!exact && !KernelPackages.LINE.matcher(spec).matches()) {
            throw new VmUnavailableException("--kernel-image: '" + spec + "' is no kernel line (e.g. 5.10, 6.1, 6.12, 7.2) "
                    + "and no package name (linux-image-...)");
        }
        if (exact && complete(cache.resolve(spec))) {
            return KernelLayout.find(spec, cache.resolve(spec));
        }
        Lookup lookup = new Lookup();
        Choice c = exact ? lookup.exact(spec) : lookup.line(spec);
        Path dir = cache.resolve(c.pkg());
        if (!complete(dir)) {
            try {
                download(c, dir);
            } catch (DownloadFailed e) {
                if (c.apt().map(Apt::isPrivate).orElse(false) && !lookup.updated) {
                    // sid replaces its kernels within days: the lists may name a package the mirror no longer has
                    progress.accept("reuselab: " + e.getMessage() + "; fetching the package lists again (once)");
                    lookup.updatePrivate();
                    c = exact ? lookup.exact(spec) : lookup.line(spec);
                    dir = cache.resolve(c.pkg());
                    if (!complete(dir)) {
                        downloadOrFail(c, dir);
                    }
                } else {
                    throw new VmUnavailableException(e.getMessage() + (c.apt().map(Apt::isPrivate).orElse(true) ? ""
                            : " (try 'apt-get update')"));
                }
            }
        }
        return KernelLayout.find(c.pkg(), dir);
    }

    /** One resolution: the host's apt first, then the private state (fetched at most once per lookup). */
    private final class Lookup {
        private PrivateApt privateApt;
        private boolean updated;
        private String privateProblem;

        Choice line(String line) {
            if (HostCommand.which("apt-cache").isPresent()) {
                Optional<String> host = KernelPackages.newest(line, Apt.host().searchLine(line, cacheRoot()));
                if (host.isPresent()) {
                    return new Choice(host.get(), Optional.of(Apt.host()));
                }
                Optional<Choice> other = inPrivate(apt -> KernelPackages.newest(line, apt.searchLine(line, cacheRoot())));
                if (other.isPresent()) {
                    return other.get();
                }
            }
            Optional<String> cached = KernelPackages.newest(line, cachedPackages());
            if (cached.isPresent()) {
                return new Choice(cached.get(), Optional.empty());
            }
            throw new VmUnavailableException("no Debian package of Linux " + line + " found: no linux-image-" + line
                    + ".*-amd64 " + where());
        }

        Choice exact(String pkg) {
            if (HostCommand.which("apt-cache").isPresent()) {
                if (Apt.host().knows(pkg, cacheRoot())) {
                    return new Choice(pkg, Optional.of(Apt.host()));
                }
                Optional<Choice> other = inPrivate(apt -> apt.knows(pkg, cacheRoot()) ? Optional.of(pkg)
                        : Optional.empty());
                if (other.isPresent()) {
                    return other.get();
                }
            }
            throw new VmUnavailableException("no Debian package " + pkg + " found " + where());
        }

        /** Looks in the private state, fetching its lists when there are none or they are stale and miss it. */
        private Optional<Choice> inPrivate(Function<Apt, Optional<String>> find) {
            try {
                PrivateApt p = privateApt();
                if (p.suites().isEmpty()) {
                    return Optional.empty();
                }
                Optional<Instant> when = p.updated();
                if (when.isPresent()) {
                    Optional<String> found = find.apply(p.apt());
                    if (found.isPresent() || updated || !PrivateApt.stale(when.get(), Instant.now())) {
                        return found.map(f -> new Choice(f, Optional.of(p.apt())));
                    }
                }
                if (!updated) {
                    updatePrivate();
                }
                return find.apply(p.apt()).map(f -> new Choice(f, Optional.of(p.apt())));
            } catch (VmUnavailableException e) {
                privateProblem = e.getMessage();
                return Optional.empty();
            }
        }

        void updatePrivate() {
            updated = true;
            privateApt().update(progress);
        }

        private PrivateApt privateApt() {
            if (privateApt == null) {
                privateApt = PrivateApt.of(cache.resolve(PRIVATE_APT), AptSources.read(ETC_APT));
            }
            return privateApt;
        }

        private String where() {
            if (HostCommand.which("apt-cache").isEmpty()) {
                return "in the cache " + cache + "; apt-cache is missing: a Debian host is needed to download kernels";
            }
            String host = "in the machine's apt sources (run 'apt-get update' if they are old)";
            if (privateProblem != null) {
                return host + ", and Debian's other suites cannot be searched: " + privateProblem;
            }
            return privateApt == null ? host : host + " nor in Debian's " + String.join(", ", privateApt.suites())
                    + " (private apt state " + privateApt.dir() + ")";
        }
    }

    /** The working directory for apt commands: the cache's root, which exists whatever the cache holds. */
    private Path cacheRoot() {
        return cache.toAbsolutePath().getRoot();
    }

    private static boolean complete(Path dir) {
        return Files.exists(dir.resolve(COMPLETE));
    }

    private List<String> cachedPackages() {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(KernelImages::complete).map(d -> d.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** apt-get download could not fetch a package the lists name. */
    private static final class DownloadFailed extends Exception {
        private static final long serialVersionUID = 1L;

        DownloadFailed(String message) {
            super(message);
        }
    }

    private void downloadOrFail(Choice c, Path dir) {
        try {
            download(c, dir);
        } catch (DownloadFailed e) {
            throw new VmUnavailableException(e.getMessage());
        }
    }

    /**
     * Downloads the image and the packages of the same build it depends on, unpacks them all into
     * one directory, checks that it holds a kernel and modules, and moves it into place.
     */
    private void download(Choice c, Path dir) throws DownloadFailed {
        String pkg = c.pkg();
        Apt apt = c.apt().orElseThrow(() -> new VmUnavailableException("the cached " + pkg + " in " + dir
                + " is incomplete and no apt can fetch it again"));
        for (String tool : List.of("apt-get", "dpkg", "dpkg-deb")) {
            if (HostCommand.which(tool).isEmpty()) {
                throw new VmUnavailableException("--kernel-image needs " + tool + " (a Debian host) to fetch " + pkg);
            }
        }
        try {
            Files.createDirectories(cache);
            Path work = Files.createTempDirectory(cache, ".download-");
            try {
                progress.accept("reuselab: downloading " + pkg + " from " + apt.description() + " (once; cached in "
                        + dir + ")");
                List<Path> debs = fetchBuild(apt, pkg, work);
                Path unpacked = work.resolve("unpacked");
                for (Path deb : debs) {
                    progress.accept("reuselab: unpacking " + deb.getFileName() + " (" + Files.size(deb) / 1_000_000
                            + " MB)");
                    HostCommand.Result x = HostCommand.run(List.of("dpkg", "-x", deb.toString(), unpacked.toString()),
                            work, 600);
                    if (!x.ok()) {
                        throw new VmUnavailableException("dpkg -x " + deb + " failed: " + lastLine(x.stderr()));
                    }
                }
                KernelLayout.find(pkg, unpacked);
                Files.writeString(unpacked.resolve(COMPLETE), debs.stream().map(d -> d.getFileName().toString())
                        .collect(Collectors.joining("\n", "", "\n")));
                deleteTree(dir);
                Files.move(unpacked, dir, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            throw new VmUnavailableException("cannot fill the kernel cache " + cache + ": " + e.getMessage(), e);
        }
    }

    /** The .deb files of {@code pkg} and of the same-build packages it depends on, transitively (bounded). */
    private List<Path> fetchBuild(Apt apt, String pkg, Path work) throws IOException, DownloadFailed {
        List<Path> debs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(List.of(pkg));
        List<String> pending = List.of(pkg);
        for (int round = 0; round < DEPENDENCY_ROUNDS && !pending.isEmpty(); round++) {
            if (round > 0) {
                progress.accept("reuselab: " + pkg + " is split; downloading " + String.join(", ", pending));
            }
            HostCommand.Result got = apt.download(pending, work);
            List<String> next = new ArrayList<>();
            for (String p : pending) {
                Path deb = debOf(work, p).orElseThrow(() -> new DownloadFailed("apt-get download " + p + " from "
                        + apt.description() + " failed: " + PrivateApt.errorLine(got)));
                debs.add(deb);
                HostCommand.Result f = HostCommand.run(List.of("dpkg-deb", "-f", deb.toString(), "Depends"), work, 60);
                for (String d : KernelPackages.sameBuild(p, f.ok() ? f.stdout() : "")) {
                    if (seen.add(d)) {
                        next.add(d);
                    }
                }
            }
            pending = next;
        }
        if (!pending.isEmpty()) {
            throw new VmUnavailableException(pkg + " depends on more packages of its build than reuselab follows: "
                    + String.join(", ", pending));
        }
        return debs;
    }

    /** The downloaded file of a package ({@code NAME_VERSION_ARCH.deb}; apt escapes ':' in versions as %3a). */
    private static Optional<Path> debOf(Path dir, String pkg) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(pkg + "_")
                    && p.getFileName().toString().endsWith(".deb")).findFirst();
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
