package org.reuselab.core.detect;

import java.util.List;
import org.reuselab.core.kernel.Feature;

/**
 * What one feature's probe found on a kernel: the values whose simulation agrees with the kernel
 * on every step of the probe. Exactly one is a decision; none means no value explains the kernel.
 */
public record FeatureFinding(Feature feature, String probeFile, List<String> agreeing) {

    public FeatureFinding {
        agreeing = List.copyOf(agreeing);
    }

    /** Whether the kernel's answers are those of a profile with this value. */
    public boolean admits(String value) {
        return agreeing.contains(value);
    }

    public boolean decided() {
        return agreeing.size() == 1;
    }

    public String value() {
        if (!decided()) {
            throw new IllegalStateException(feature.key() + " is not decided: " + agreeing);
        }
        return agreeing.get(0);
    }
}
