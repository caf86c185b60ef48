package org.reuselab.core.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry of named profiles, read from the profile files in the jar ({@code profiles/*.json}):
 * one per long-term line from 3.10 to 6.12, 6.18 and 7.2, and builds that answer differently from
 * their line with the same version (variants, found by detection).
 */
public final class KernelProfiles {

    private static final List<String> LINES = List.of("3.10", "4.4", "4.9", "4.14", "4.19", "5.4", "5.10", "5.15",
            "6.1", "6.6", "6.12", "6.18", "7.2");
    private static final List<String> VARIANT_NAMES = List.of("6.18-fc-v1045");
    /** The default: the newest line whose behaviour was checked on a running kernel. */
    private static final String DEFAULT = "6.18";

    private static final List<KernelProfile> ALL = LINES.stream().map(KernelProfiles::load).toList();
    private static final List<KernelProfile> VARIANTS = VARIANT_NAMES.stream().map(KernelProfiles::load).toList();

    private KernelProfiles() {
    }

    /** Every line, oldest first. */
    public static List<KernelProfile> all() {
        return ALL;
    }

    /** The named builds that differ from their line. */
    public static List<KernelProfile> variants() {
        return VARIANTS;
    }

    /** Every line, then every variant. */
    public static List<KernelProfile> allNamed() {
        List<KernelProfile> out = new ArrayList<>(ALL);
        out.addAll(VARIANTS);
        return List.copyOf(out);
    }

    /** The default profile of a scenario that names none. */
    public static KernelProfile newest() {
        return byName(DEFAULT).orElseThrow();
    }

    public static Optional<KernelProfile> byName(String name) {
        return allNamed().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Names: the lines oldest first, then the variants. */
    public static List<String> names() {
        return allNamed().stream().map(KernelProfile::name).toList();
    }

    /**
     * The profile of a running kernel's version line: the newest line not newer than the release
     * (a 6.17 kernel is modelled by 6.12), or the oldest for anything older. Builds of a line that
     * answer differently are told apart by detection, not here.
     */
    public static KernelProfile forRelease(String release) {
        KernelVersion v = KernelVersion.parse(release);
        KernelProfile best = ALL.get(0);
        for (KernelProfile p : ALL) {
            if (p.version().compareTo(v) <= 0) {
                best = p;
            }
        }
        return best;
    }

    /** The text of a named profile's file, as shipped in the jar. */
    public static String fileText(String name) {
        try (InputStream in = KernelProfiles.class.getResourceAsStream("profiles/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("profile file profiles/" + name + ".json is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KernelProfile load(String name) {
        try {
            KernelProfile p = ProfileFiles.read("profiles/" + name + ".json", fileText(name));
            if (!p.name().equals(name)) {
                throw new IllegalStateException("profiles/" + name + ".json names itself " + p.name());
            }
            return p;
        } catch (ProfileFileException e) {
            throw new IllegalStateException("a shipped profile file is invalid:\n" + e.getMessage(), e);
        }
    }
}
