package org.reuselab.core.kernel;

import java.util.List;
import java.util.function.Function;

/**
 * The documentation of every {@link KernelProfile} component: what it changes, the kernel
 * function and commit it comes from, and how well that is established. {@code reuselab profiles}
 * prints this table.
 */
public record ProfileFeature(String key, String what, String source, Evidence evidence,
        Function<KernelProfile, Object> value) {

    public static final List<ProfileFeature> ALL = List.of(
            new ProfileFeature("defaultLocalPortRange",
                    "ip_local_port_range of a fresh namespace",
                    "inet_init_net(); 32768-60999 since 4.2 (07f4c90062f8)", Evidence.COMMIT_TEXT,
                    KernelProfile::defaultLocalPortRange),
            new ProfileFeature("defaultSomaxconn",
                    "net.core.somaxconn of a fresh namespace",
                    "SOMAXCONN 128 -> 4096 in 5.4 (19f92a030ca6); 4096 observed on 6.18", Evidence.COMMIT_TEXT,
                    KernelProfile::defaultSomaxconn),
            new ProfileFeature("unprivilegedPortStartSysctl",
                    "ip_unprivileged_port_start exists (else ports < 1024 need root)",
                    "inet_bind(), 4.11 (4548b683b781); constant PROT_SOCK in the 3.10 tree", Evidence.COMMIT_TEXT,
                    KernelProfile::unprivilegedPortStartSysctl),
            new ProfileFeature("bindZeroSearch",
                    "bind(0)/listen() autobind search order",
                    "inet_csk_get_port(): 3.10 and 4.4 trees read; ea8add2b1903 in the 4.9 tree (4.6)", Evidence.VERIFIED,
                    KernelProfile::bindZeroSearch),
            new ProfileFeature("autobindSmallestSizeFallback",
                    "an exhausted bind(0) falls back to the fast-path-eligible port with fewest owners",
                    "inet_csk_get_port() smallest_size: in the 3.10, 4.4 and 4.9 trees, gone in 4.13", Evidence.VERIFIED,
                    KernelProfile::autobindSmallestSizeFallback),
            new ProfileFeature("autobindIgnoresReuseport",
                    "bind(0) never shares a port through SO_REUSEPORT (reuseport_ok=0)",
                    "inet_csk_bind_conflict(reuseport_ok), 4.10 (symbol signatures); in the 4.14 tree, not in 4.9", Evidence.VERIFIED,
                    KernelProfile::autobindIgnoresReuseport),
            new ProfileFeature("autobindReuseSysctl",
                    "ip_autobind_reuse second pass of bind(0) exists",
                    "inet_csk_find_open_port(), 5.7 (4b01a9674231); absent from the 4.19 tree, not backported", Evidence.VERIFIED,
                    KernelProfile::autobindReuseSysctl),
            new ProfileFeature("fastReuseportCache",
                    "what tb->fastreuseport caches and how the fast path matches it",
                    "sk_reuseport_match(): 4.9, 4.14, 4.19 trees read; 88d7fcfa3b1f in 4.19.126 and 5.4.44, not 4.14.y",
                    Evidence.VERIFIED,
                    KernelProfile::fastReuseportCache),
            new ProfileFeature("firstOwnerBranchReachable",
                    "inet_csk_update_fastreuse() can take its empty-bucket branch (fastreuse>0, ANY)",
                    "inet_csk_update_fastreuse(); unreachable since 6.8 (8002d44fe84d with 822fb91fc724); 6.1.y and 6.6.y trees "
                    + "still reach it; observed on 6.18", Evidence.VERIFIED, KernelProfile::firstOwnerBranchReachable),
            new ProfileFeature("reuseportGroupBlocksSharing",
                    "a socket that already has a reuseport group (BPF before bind) cannot share via SO_REUSEPORT",
                    "inet_csk_bind_conflict() sk_reuseport_cb term: absent in the 4.4 tree, present in 4.9 (4.6, c125e80b8868)",
                    Evidence.VERIFIED,
                    KernelProfile::reuseportGroupBlocksSharing),
            new ProfileFeature("closedGroupMemberMayShare",
                    "a shut-down member kept for migration may share again (reuseport_cb_ok)",
                    "inet_csk_bind_conflict(), 5.14 \"tcp: Keep TCP_CLOSE sockets in the reuseport group\"",
                    Evidence.COMMIT_TEXT, KernelProfile::closedGroupMemberMayShare),
            new ProfileFeature("releaseRecomputesConnectOnly",
                    "releasing a port recomputes the connect()-only (-1) bucket state",
                    "__inet_put_port(), 6.18 (d57f4b874946)", Evidence.VERIFIED,
                    KernelProfile::releaseRecomputesConnectOnly),
            new ProfileFeature("orphanUidIsRoot",
                    "the bind check reads an orphaned socket's uid as root (sock_i_uid)",
                    "inet_csk_bind_conflict(); sk_uid() since 6.17 (\"net: remove sock_i_uid()\")",
                    Evidence.COMMIT_TEXT, KernelProfile::orphanUidIsRoot),
            new ProfileFeature("localPortRangeOption",
                    "IP_LOCAL_PORT_RANGE socket option exists (else ENOPROTOOPT)",
                    "do_ip_setsockopt(), 6.3 (91d0b78c5177), backported to 6.1.32", Evidence.COMMIT_TEXT,
                    KernelProfile::localPortRangeOption),
            new ProfileFeature("bindAddressNoPortOption",
                    "IP_BIND_ADDRESS_NO_PORT socket option exists (else ENOPROTOOPT)",
                    "do_ip_setsockopt(), 4.2 (90c337da1524)", Evidence.COMMIT_TEXT,
                    KernelProfile::bindAddressNoPortOption));
}
