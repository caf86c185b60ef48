package org.reuselab.probe.vm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * apt-cache and apt-get as reuselab calls them: either with the machine's own configuration
 * ({@link #host()}) or with a private state directory ({@link PrivateApt}), whose
 * {@code -o} options replace the source list, the package lists and the package cache; the
 * machine's apt configuration is then only read, never changed.
 */
final class Apt {

    private static final long SEARCH_TIMEOUT_S = 120;
    private static final long DOWNLOAD_TIMEOUT_S = 1800;

    private final List<String> options;
    private final String description;

    Apt(List<String> options, String description) {
        this.options = List.copyOf(options);
        this.description = description;
    }

    /** The machine's apt as it is configured. */
    static Apt host() {
        return new Apt(List.of(), "the machine's apt sources");
    }

    /** Where the packages come from, for messages ("the machine's apt sources"). */
    String description() {
        return description;
    }

    boolean isPrivate() {
        return !options.isEmpty();
    }

    List<String> options() {
        return options;
    }

    /** The names of the packages of a kernel line's images this apt knows ({@code apt-cache search}). */
    List<String> searchLine(String line, Path cwd) {
        HostCommand.Result r = HostCommand.run(command("apt-cache", "search", "--names-only",
                "^linux-image-" + line.replace(".", "\\.") + "\\."), cwd, SEARCH_TIMEOUT_S);
        return r.ok() ? KernelPackages.searchNames(r.stdout()) : List.of();
    }

    /** Whether this apt knows the package ({@code apt-cache show}). */
    boolean knows(String pkg, Path cwd) {
        HostCommand.Result r = HostCommand.run(command("apt-cache", "show", "-q", "--no-all-versions", pkg), cwd,
                SEARCH_TIMEOUT_S);
        return r.ok() && r.stdout().contains("Package: " + pkg);
    }

    /** {@code apt-get download} of the packages into {@code dir}. */
    HostCommand.Result download(List<String> pkgs, Path dir) {
        List<String> c = new ArrayList<>(List.of("download", "-q"));
        c.addAll(pkgs);
        return HostCommand.run(command("apt-get", c.toArray(String[]::new)), dir, DOWNLOAD_TIMEOUT_S);
    }

    /** {@code tool} with this apt's options, then {@code args}. */
    List<String> command(String tool, String... args) {
        List<String> c = new ArrayList<>();
        c.add(tool);
        c.addAll(options);
        c.addAll(List.of(args));
        return c;
    }
}
