package org.reuselab.core.model.bind;

import java.util.Optional;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.sock.BindOwner;

/**
 * The result of checking one port for one socket: conflict or not, the deciding rule, the owner
 * it was decided against (the conflicting one, or the first one it shares with), and how many
 * owners the kernel looked at (the cost the fast path saves).
 */
public record WalkResult(boolean conflict, Rule rule, Optional<BindOwner> against, int ownersWalked) {

    static WalkResult fastPath(Rule rule) {
        return new WalkResult(false, rule, Optional.empty(), 0);
    }
}
