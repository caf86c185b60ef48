package org.reuselab.core.kernel;

/** How well a profile difference is established. */
public enum Evidence {
    /** Read in kernel source of that era, or observed on a running kernel. */
    VERIFIED,
    /** From a commit's text (mailing list) but not seen in a tree of that line. */
    COMMIT_TEXT,
    /** Seen on a running kernel build that no upstream change explains (a vendor's build). */
    OBSERVED,
    /** From memory or inference: shown as unverified by {@code reuselab profiles}. */
    UNVERIFIED
}
