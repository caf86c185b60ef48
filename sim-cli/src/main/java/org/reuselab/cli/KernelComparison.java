package org.reuselab.cli;

import java.util.List;
import org.reuselab.core.compare.StepComparison;

/**
 * What {@code reuselab compare} found on one real kernel: its release, the profile the simulator
 * ran, and per file every step compared. The matrix reads these, from this host directly and from
 * guests as {@code compare --format json}.
 */
record KernelComparison(String release, String profile, List<FileComparison> files) {

    KernelComparison {
        files = List.copyOf(files);
    }

    /** One file's steps and findings, and whether it agrees as a whole. */
    record FileComparison(String file, boolean agrees, List<StepComparison> steps, List<String> findings) {
        FileComparison {
            steps = List.copyOf(steps);
            findings = List.copyOf(findings);
        }
    }

    long agreeing() {
        return files.stream().filter(FileComparison::agrees).count();
    }

    long diverging() {
        return files.size() - agreeing();
    }
}
