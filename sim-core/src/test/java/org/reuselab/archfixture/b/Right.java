package org.reuselab.archfixture.b;

import org.reuselab.archfixture.a.Left;

/** The other half of the deliberate package cycle. */
public final class Right {
    public Left left() {
        return new Left();
    }
}
