package org.reuselab.core.kernel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kernel line {@code major.minor}; a release string like {@code 6.18.44-foo} parses to 6.18. */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)(?:[.\\-+_~].*)?");

    public KernelVersion {
        if (major < 2 || minor < 0) {
            throw new IllegalArgumentException("not a kernel version: " + major + "." + minor);
        }
    }

    public static KernelVersion parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a kernel version: '" + text + "' (expected e.g. 5.14)");
        }
        return new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean atLeast(int maj, int min) {
        return compareTo(new KernelVersion(maj, min)) >= 0;
    }

    @Override
    public int compareTo(KernelVersion o) {
        int c = Integer.compare(major, o.major);
        return c != 0 ? c : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
