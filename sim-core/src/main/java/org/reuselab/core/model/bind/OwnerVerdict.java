package org.reuselab.core.model.bind;

import org.reuselab.core.model.Rule;
import org.reuselab.core.model.sock.BindOwner;

/** The pairwise rule's answer for one owner: the rule that decided, and whether it conflicts. */
public record OwnerVerdict(BindOwner owner, Rule rule, boolean conflict) {
}
