package org.reuselab.archfixture.a;

import org.reuselab.archfixture.b.Right;

/** Half of a deliberate package cycle: the architecture test must catch it. */
public final class Left {
    public Right right() {
        return new Right();
    }
}
