package org.reuselab.probe.vm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tukaani.xz.XZInputStream;

/**
 * The modules of one unpacked kernel ({@code lib/modules/RELEASE}): finds a module by name,
 * knows which are built in ({@code modules.builtin}), and orders a set of wanted modules with
 * their dependencies first, the order insmod needs.
 */
final class ModuleTree {

    /** How a module's bytes are read: by file (decompressing .ko.xz) or, in tests, from memory. */
    interface Source {
        KernelModule load(String name);
    }

    private final Source source;
    private final Set<String> available;
    private final Set<String> builtin;

    ModuleTree(Source source, Set<String> available, Set<String> builtin) {
        this.source = source;
        this.available = Set.copyOf(available);
        this.builtin = Set.copyOf(builtin);
    }

    /** The tree under {@code lib/modules/RELEASE} of an unpacked kernel package. */
    static ModuleTree of(Path modulesDir) {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(modulesDir.resolve("kernel"))) {
            s.filter(p -> p.getFileName().toString().matches(".*\\.ko(\\.xz)?$"))
                    .forEach(p -> files.putIfAbsent(KernelModule.nameOf(p.getFileName().toString()), p));
            Set<String> builtin = new HashSet<>();
            Path list = modulesDir.resolve("modules.builtin");
            if (Files.exists(list)) {
                for (String line : Files.readAllLines(list)) {
                    builtin.add(KernelModule.nameOf(Path.of(line.strip()).getFileName().toString()));
                }
            }
            return new ModuleTree(name -> KernelModule.of(name, read(files.get(name))), files.keySet(), builtin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the modules under " + modulesDir, e);
        }
    }

    /**
     * The wanted modules and everything they depend on, dependencies first. A module that is built
     * into the kernel is left out; one that is neither a file nor built in is an error.
     */
    List<KernelModule> resolve(List<String> wanted) {
        return resolve(wanted, List.of());
    }

    /**
     * The {@code required} modules, the {@code optional} ones this tree has, and everything they
     * depend on, dependencies first (required ones in their order, then the optional ones). A
     * module built into the kernel is left out. An optional module that is neither a file nor
     * built in is skipped (5.10's tree has no virtio_pci_modern_dev, virtio_pci_legacy_dev or
     * netfs); a required one, or a dependency of any module loaded, is an error naming it.
     */
    List<KernelModule> resolve(List<String> required, List<String> optional) {
        List<KernelModule> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String w : required) {
            visit(KernelModule.nameOf(w), null, done, new LinkedHashSet<>(), order);
        }
        for (String w : optional) {
            String name = KernelModule.nameOf(w);
            if (has(name)) {
                visit(name, null, done, new LinkedHashSet<>(), order);
            }
        }
        return order;
    }

    /** Whether the tree has this module, as a file or built in. */
    boolean has(String name) {
        return available.contains(name) || builtin.contains(name);
    }

    private void visit(String name, String neededBy, Set<String> done, Set<String> path, List<KernelModule> order) {
        if (done.contains(name)) {
            return;
        }
        if (!path.add(name)) {
            throw new IllegalStateException("module dependencies form a cycle: " + String.join(" -> ", path) + " -> "
                    + name);
        }
        if (!available.contains(name)) {
            if (builtin.contains(name)) {
                done.add(name);
                return;
            }
            throw new IllegalStateException("kernel module " + name + (neededBy == null ? "" : " (needed by " + neededBy
                    + ")") + " is neither a module file nor built in");
        }
        KernelModule m = source.load(name);
        for (String d : m.depends()) {
            visit(d, name, done, path, order);
        }
        done.add(name);
        order.add(m);
    }

    private static byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            if (file.getFileName().toString().endsWith(".xz")) {
                try (InputStream xz = new XZInputStream(in)) {
                    return xz.readAllBytes();
                }
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kernel module " + file, e);
        }
    }
}
