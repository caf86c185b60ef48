package org.reuselab.probe.vm;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's suites that the machine's own apt sources do not name (bullseye for Linux 5.10, sid for
 * 7.2, trixie for 6.12 on a bookworm host), reached through a private apt state directory in the
 * kernel cache ({@code <cache>/.apt/}): its own source list (the machine's Debian archive URI and
 * keyring, the other suites), package lists and package cache, passed to apt-get and apt-cache
 * with {@code -o}. The machine's apt configuration is only read. The lists are fetched once
 * ({@code apt-get update}) and reused by later runs; they are fetched again only when the source
 * list would change, or when reuselab asks for it (a line not found in lists older than
 * {@link #STALE}, a package the lists name that can no longer be downloaded).
 */
final class PrivateApt {

    /** The suites Debian serves amd64 kernels from (buster's index no longer downloads). */
    static final List<String> SUITES = List.of("bullseye", "bookworm", "trixie", "sid");
    /** Lists older than this are fetched again when a line is not found in them. */
    static final Duration STALE = Duration.ofDays(1);
    private static final long UPDATE_TIMEOUT_S = 900;
    private static final String UPDATED = "updated";

    private final Path dir;
    private final List<String> suites;
    private final String sourcesList;

    private PrivateApt(Path dir, List<String> suites, String sourcesList) {
        this.dir = dir;
        this.suites = List.copyOf(suites);
        this.sourcesList = sourcesList;
    }

    /** The private state in {@code dir} for a machine whose own sources are {@code host}. */
    static PrivateApt of(Path dir, AptSources host) {
        AptSources.Entry archive = host.debianArchive().orElseThrow(() -> new VmUnavailableException(
                "the machine's apt sources name no Debian archive (a 'deb URI SUITE main' entry for a Debian suite), "
                        + "so Debian's other suites cannot be reached"));
        List<String> other = otherSuites(host);
        Optional<Path> keyring = archive.signedBy().or(() -> Files.isRegularFile(AptSources.DEBIAN_KEYRING)
                ? Optional.of(AptSources.DEBIAN_KEYRING) : Optional.empty());
        return new PrivateApt(dir, other, sourcesList(archive.uris().get(0), keyring, other));
    }

    /** {@link #SUITES} less those the machine's sources already name. */
    static List<String> otherSuites(AptSources host) {
        return SUITES.stream().filter(s -> !host.debianSuites().contains(s)).toList();
    }

    /** The private source list: one line per suite, on the machine's Debian archive, checked with its keyring. */
    static String sourcesList(String uri, Optional<Path> keyring, List<String> suites) {
        String opts = keyring.map(k -> "[signed-by=" + k + "] ").orElse("");
        return "# reuselab's private apt state (sim-probe PrivateApt): Debian's suites the machine's own sources do\n"
                + "# not name, on the machine's Debian archive. The machine's apt configuration is not changed.\n"
                + suites.stream().map(s -> "deb " + opts + uri + " " + s + " main\n").collect(Collectors.joining());
    }

    /** The {@code -o} options that make apt use this state instead of the machine's lists and cache. */
    static List<String> options(Path dir) {
        return List.of("-o", "Dir::Etc::sourcelist=" + dir.resolve("sources.list"), "-o", "Dir::Etc::sourceparts=/dev/null",
                "-o", "Dir::State::Lists=" + dir.resolve("lists"), "-o", "Dir::Cache=" + dir.resolve("cache"), "-o",
                "Acquire::Languages=none");
    }

    List<String> suites() {
        return suites;
    }

    Path dir() {
        return dir;
    }

    Apt apt() {
        return new Apt(options(dir), "Debian's " + String.join(", ", suites) + " (private apt state in " + dir + ")");
    }

    /** When the lists for the current source list were fetched, if they were. */
    Optional<Instant> updated() {
        Path marker = dir.resolve(UPDATED);
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(sourcesList)) {
                return Optional.of(Files.getLastModifiedTime(marker).toInstant());
            }
        } catch (IOException e) {
            // unreadable: fetch again
        }
        return Optional.empty();
    }

    /** Whether lists fetched at {@code when} are old enough to fetch again when a line is missing from them. */
    static boolean stale(Instant when, Instant now) {
        return Duration.between(when, now).compareTo(STALE) > 0;
    }

    /** Fetches the lists ({@code apt-get update} with the private options); one process at a time. */
    void update(Consumer<String> progress) {
        if (suites.isEmpty()) {
            throw new VmUnavailableException("the machine's apt sources already name every Debian suite reuselab knows");
        }
        if (HostCommand.which("apt-get").isEmpty()) {
            throw new VmUnavailableException("--kernel-image needs apt-get (a Debian host) to look in Debian's "
                    + String.join(", ", suites));
        }
        try {
            Files.createDirectories(dir.resolve("lists/partial"));
            Files.createDirectories(dir.resolve("cache/archives/partial"));
            try (FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock _ = ch.lock()) {
                Files.deleteIfExists(dir.resolve(UPDATED));
                Files.writeString(dir.resolve("sources.list"), sourcesList);
                progress.accept("reuselab: fetching the package lists of Debian's " + String.join(", ", suites)
                        + " into a private apt state (" + dir + "; the machine's apt configuration is not changed)");
                HostCommand.Result r = HostCommand.run(apt().command("apt-get", "update", "-q"), dir, UPDATE_TIMEOUT_S);
                if (!hasLists()) {
                    throw new VmUnavailableException("apt-get update of Debian's " + String.join(", ", suites)
                            + " (private state " + dir + ") failed: " + errorLine(r));
                }
                if (!r.ok()) {
                    progress.accept("reuselab: some of Debian's package lists could not be fetched, using the others: "
                            + errorLine(r));
                }
                Files.writeString(dir.resolve(UPDATED), sourcesList);
                Files.setLastModifiedTime(dir.resolve(UPDATED), FileTime.from(Instant.now()));
            }
        } catch (IOException e) {
            throw new VmUnavailableException("cannot set up the private apt state in " + dir + ": " + e.getMessage(), e);
        }
    }

    private boolean hasLists() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("lists"))) {
            return s.anyMatch(p -> p.getFileName().toString().contains("_Packages"));
        }
    }

    /** apt's first error line (E: ...), else its last line. */
    static String errorLine(HostCommand.Result r) {
        List<String> lines = (r.stderr() + "\n" + r.stdout()).strip().lines().toList();
        return lines.stream().filter(l -> l.startsWith("E: ")).findFirst()
                .orElse(lines.isEmpty() ? "exit " + r.exit() : lines.get(lines.size() - 1));
    }
}
