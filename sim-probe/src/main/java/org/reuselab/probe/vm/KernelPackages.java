package org.reuselab.probe.vm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Debian package holds a kernel line: among the package names {@code apt-cache} lists, the
 * generic x86-64 images of that line ({@code linux-image-5.10.0-32-amd64},
 * {@code linux-image-6.1.0-56-amd64}, {@code linux-image-6.12.117+deb12-amd64},
 * {@code linux-image-7.2.13+deb14-amd64}; not the -rt, -cloud, -dbg or -unsigned ones), newest
 * first by the numbers in their names; and which packages of the same build an image depends on
 * (sid's split layout).
 */
final class KernelPackages {

    /** A kernel line as users name it: "6.1", "6.12". */
    static final Pattern LINE = Pattern.compile("(\\d+)\\.(\\d+)");

    private static final Pattern GENERIC = Pattern.compile("linux-image-(\\d+)\\.(\\d+)\\.[0-9][0-9a-z.+~-]*-amd64");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** A package of one kernel build: linux-WORD-RELEASE, RELEASE starting with its version. */
    private static final Pattern PACKAGE = Pattern.compile("linux-([a-z]+)-(\\d+\\.\\d+[0-9a-z.+~-]*)");

    private KernelPackages() {
    }

    /** The newest generic amd64 image of this line among {@code names}. */
    static Optional<String> newest(String line, List<String> names) {
        Matcher l = LINE.matcher(line);
        if (!l.matches()) {
            throw new IllegalArgumentException("not a kernel line: '" + line + "' (expected e.g. 6.1)");
        }
        return names.stream().filter(n -> ofLine(n, l.group(1), l.group(2))).max(KernelPackages::compareNumbers);
    }

    private static boolean ofLine(String name, String major, String minor) {
        Matcher m = GENERIC.matcher(name);
        return m.matches() && m.group(1).equals(major) && m.group(2).equals(minor)
                && !name.contains("-rt-") && !name.contains("-cloud-");
    }

    /** The package names in {@code apt-cache search} output ("NAME - DESCRIPTION" per line). */
    static List<String> searchNames(String aptCacheSearch) {
        return aptCacheSearch.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\s", 2)[0])
                .toList();
    }

    /**
     * The packages of the same kernel build that {@code pkg} depends on, from its {@code Depends}
     * field: those named {@code linux-WORD-RELEASE} with the image's own RELEASE. Debian's
     * {@code linux-image-7.2.13+deb14-amd64} is a small package whose kernel and modules are in
     * {@code linux-binary-7.2.13+deb14-amd64} and {@code linux-modules-7.2.13+deb14-amd64}
     * ({@code modules.builtin} in {@code linux-base-7.2.13+deb14-amd64}); 6.1's and 5.10's
     * images hold everything and name none.
     */
    static List<String> sameBuild(String pkg, String depends) {
        Matcher m = PACKAGE.matcher(pkg);
        if (!m.matches()) {
            return List.of();
        }
        String release = m.group(2);
        List<String> out = new ArrayList<>();
        for (String clause : depends.split(",")) {
            for (String alt : clause.split("\\|")) {
                String name = alt.strip().split("[\\s(:]", 2)[0];
                Matcher d = PACKAGE.matcher(name);
                if (d.matches() && d.group(2).equals(release) && !name.equals(pkg) && !out.contains(name)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** Compares two names by their numbers in turn (6.1.0-56 after 6.1.0-9). */
    static int compareNumbers(String a, String b) {
        List<Long> x = numbers(a);
        List<Long> y = numbers(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = Long.compare(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Comparator.<Integer>naturalOrder().compare(x.size(), y.size());
    }

    private static List<Long> numbers(String s) {
        return NUMBER.matcher(s).results().map(r -> Long.parseLong(r.group())).toList();
    }
}
