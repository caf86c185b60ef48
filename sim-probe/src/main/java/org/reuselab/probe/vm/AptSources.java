package org.reuselab.probe.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The machine's own apt sources, read (never written): which Debian suites it uses and where its
 * Debian archive is. Both formats are read: one-line {@code *.list} files
 * ({@code deb [signed-by=K] URI SUITE COMPONENT...}) and deb822 {@code *.sources} stanzas
 * ({@code Types:}, {@code URIs:}, {@code Suites:}, {@code Components:}, {@code Signed-By:},
 * {@code Enabled:}). An entry is the Debian archive when a suite it names is a Debian suite
 * ({@link #DEBIAN_SUITES}, without a {@code -updates}/{@code -security} suffix) and it has the
 * {@code main} component.
 */
record AptSources(List<Entry> entries) {

    /** Debian's code names (and the aliases apt accepts); what a Debian archive's suites are called. */
    static final Set<String> DEBIAN_SUITES = Set.of("buster", "bullseye", "bookworm", "trixie", "forky", "duke", "sid",
            "oldoldstable", "oldstable", "stable", "testing", "unstable");
    /** The keyring Debian's own sources use when an entry names none. */
    static final Path DEBIAN_KEYRING = Path.of("/usr/share/keyrings/debian-archive-keyring.gpg");

    /** One source: binary ("deb") or not, its URIs, suites and components, and the keyring it names. */
    record Entry(boolean binary, List<String> uris, List<String> suites, List<String> components,
            Optional<Path> signedBy) {
        Entry {
            uris = List.copyOf(uris);
            suites = List.copyOf(suites);
            components = List.copyOf(components);
        }

        boolean debianArchive() {
            return binary && components.contains("main") && !uris.isEmpty()
                    && suites.stream().anyMatch(DEBIAN_SUITES::contains);
        }
    }

    AptSources {
        entries = List.copyOf(entries);
    }

    /** The sources under an apt configuration directory ({@code /etc/apt}). */
    static AptSources read(Path etcApt) {
        List<Entry> all = new ArrayList<>();
        try {
            Path main = etcApt.resolve("sources.list");
            if (Files.isRegularFile(main)) {
                all.addAll(parseList(Files.readString(main)));
            }
            Path parts = etcApt.resolve("sources.list.d");
            if (Files.isDirectory(parts)) {
                try (Stream<Path> s = Files.list(parts)) {
                    for (Path p : s.sorted().toList()) {
                        String n = p.getFileName().toString();
                        if (n.endsWith(".list")) {
                            all.addAll(parseList(Files.readString(p)));
                        } else if (n.endsWith(".sources")) {
                            all.addAll(parseDeb822(Files.readString(p)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new VmUnavailableException("cannot read the machine's apt sources under " + etcApt + ": "
                    + e.getMessage(), e);
        }
        return new AptSources(all);
    }

    /** The Debian suites the machine's sources name ("bookworm"; not "bookworm-updates"). */
    Set<String> debianSuites() {
        Set<String> s = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (e.debianArchive()) {
                e.suites().stream().filter(DEBIAN_SUITES::contains).forEach(s::add);
            }
        }
        return s;
    }

    /** The first Debian archive entry: its URI is the mirror the private state uses. */
    Optional<Entry> debianArchive() {
        return entries.stream().filter(Entry::debianArchive).findFirst();
    }

    static List<Entry> parseList(String text) {
        List<Entry> out = new ArrayList<>();
        for (String raw : text.lines().toList()) {
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            Optional<Path> signedBy = Optional.empty();
            int open = line.indexOf('[');
            int close = line.indexOf(']');
            String rest = line;
            if (open >= 0 && close > open) {
                for (String opt : line.substring(open + 1, close).strip().split("\\s+")) {
                    int eq = opt.indexOf('=');
                    if (eq > 0 && opt.substring(0, eq).toLowerCase(Locale.ROOT).equals("signed-by")) {
                        signedBy = keyring(opt.substring(eq + 1));
                    }
                }
                rest = line.substring(0, open) + " " + line.substring(close + 1);
            }
            List<String> words = Arrays.stream(rest.strip().split("\\s+")).toList();
            if (words.size() < 3 || !(words.get(0).equals("deb") || words.get(0).equals("deb-src"))) {
                continue;
            }
            out.add(new Entry(words.get(0).equals("deb"), List.of(words.get(1)), List.of(words.get(2)),
                    words.subList(3, words.size()), signedBy));
        }
        return out;
    }

    static List<Entry> parseDeb822(String text) {
        List<Entry> out = new ArrayList<>();
        for (String stanza : text.replace("\r", "").split("\n\\s*\n")) {
            Map<String, String> f = fields(stanza);
            if (f.isEmpty() || f.getOrDefault("enabled", "yes").equalsIgnoreCase("no")) {
                continue;
            }
            List<String> types = words(f.get("types"));
            out.add(new Entry(types.contains("deb"), words(f.get("uris")), words(f.get("suites")),
                    words(f.get("components")), keyring(f.getOrDefault("signed-by", ""))));
        }
        return out;
    }

    /** A stanza's fields, names in lower case; continuation lines (an inline key) are appended. */
    private static Map<String, String> fields(String stanza) {
        Map<String, String> f = new LinkedHashMap<>();
        String last = null;
        for (String line : stanza.lines().toList()) {
            if (line.startsWith("#")) {
                continue;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                f.merge(last, "\n" + line.strip(), String::concat);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                f.put(last, line.substring(colon + 1).strip());
            }
        }
        return f;
    }

    private static List<String> words(String v) {
        return v == null || v.isBlank() ? List.of() : Arrays.stream(v.strip().split("\\s+")).toList();
    }

    /** A Signed-By value that is a keyring file (not an inline key block). */
    private static Optional<Path> keyring(String v) {
        String s = v.strip();
        if (s.contains("\n")) {
            return Optional.empty();
        }
        return Arrays.stream(s.split("[,\\s]+")).filter(k -> k.startsWith("/")).findFirst().map(Path::of);
    }
}
