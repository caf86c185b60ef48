package org.reuselab.probe.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the kernel and its modules are in an unpacked kernel package (or several unpacked into
 * one directory). Two layouts are known:
 * <ul>
 * <li>Debian up to 6.12 (bullseye's 5.10, bookworm's 6.1 and 6.12, trixie's 6.12): one package,
 * {@code boot/vmlinuz-RELEASE} and {@code lib/modules/RELEASE/kernel/**.ko[.xz]};</li>
 * <li>sid's 7.2: the image is split, {@code usr/lib/modules/RELEASE/vmlinuz} (linux-binary-*) and
 * {@code usr/lib/modules/RELEASE/kernel/**.ko.xz} (linux-modules-*), {@code modules.builtin}
 * beside them (linux-base-*).</li>
 * </ul>
 * The module tree is a {@code RELEASE} directory holding {@code kernel/}; the release is its name.
 * The kernel is {@code boot/vmlinuz-RELEASE}, else {@code RELEASE/vmlinuz} beside the modules.
 */
final class KernelLayout {

    private static final List<String> MODULE_ROOTS = List.of("lib/modules", "usr/lib/modules");

    private KernelLayout() {
    }

    /** The kernel in {@code dir}, unpacked from {@code pkg}; a layout that has no kernel or no modules is an error naming what is missing. */
    static KernelImage find(String pkg, Path dir) {
        try {
            List<Path> trees = moduleTrees(dir);
            if (trees.isEmpty()) {
                throw new VmUnavailableException(pkg + " holds no module tree (lib/modules/RELEASE/kernel or "
                        + "usr/lib/modules/RELEASE/kernel) in " + dir + "; delete that directory to fetch it again");
            }
            for (Path tree : trees) {
                Optional<Path> vmlinuz = vmlinuz(dir, tree);
                if (vmlinuz.isPresent()) {
                    return new KernelImage(pkg, tree.getFileName().toString(), vmlinuz.get(), tree);
                }
            }
            throw new VmUnavailableException(pkg + " holds no kernel for release " + trees.get(0).getFileName()
                    + " (boot/vmlinuz-RELEASE or usr/lib/modules/RELEASE/vmlinuz) in " + dir
                    + "; delete that directory to fetch it again");
        } catch (IOException e) {
            throw new VmUnavailableException("the cached " + pkg + " in " + dir + " is broken (" + e.getMessage()
                    + "); delete that directory", e);
        }
    }

    /** Every {@code RELEASE} directory holding {@code kernel/}, under lib/modules then usr/lib/modules, sorted. */
    static List<Path> moduleTrees(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String root : MODULE_ROOTS) {
            Path r = dir.resolve(root);
            if (Files.isDirectory(r)) {
                try (Stream<Path> s = Files.list(r)) {
                    s.filter(p -> Files.isDirectory(p.resolve("kernel"))).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    private static Optional<Path> vmlinuz(Path dir, Path tree) {
        String release = tree.getFileName().toString();
        for (Path p : List.of(dir.resolve("boot").resolve("vmlinuz-" + release), tree.resolve("vmlinuz"))) {
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
