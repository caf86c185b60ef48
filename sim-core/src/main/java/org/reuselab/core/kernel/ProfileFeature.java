package org.reuselab.core.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
                    KernelProfile::bindAddressNoPortOption),
            new ProfileFeature("listenerLookup",
                    "how a SYN finds its listener: one port chain with early exit, or exact address then wildcard",
                    "__inet_lookup_listener(): 4.9/4.14/4.19/5.4 trees read; d9fbc7f6431f in 5.0; 4.16-4.20 used lhash2 above "
                            + "ten listeners", Evidence.VERIFIED, KernelProfile::listenerLookup),
            new ProfileFeature("reuseportGroups",
                    "TCP listeners share a reuseport group with O(1) selection (else reservoir sampling)",
                    "\"soreuseport: fast reuseport TCP socket selection\" (c125e80b8868, 4.6)", Evidence.COMMIT_TEXT,
                    KernelProfile::reuseportGroups),
            new ProfileFeature("ehashForm",
                    "inet_ehashfn(): the local port inside the jhash, or added to it",
                    "inet_ehashfn(), 6.15 \"inet: change lport contribution to inet_ehashfn()\"", Evidence.COMMIT_TEXT,
                    KernelProfile::ehashForm),
            new ProfileFeature("cbpfOutOfRangeFallsBack",
                    "a reuseport BPF index >= members falls back to the hash (else the first member met)",
                    "reuseport_select_sock(): no socket in the 4.9 and 4.14 trees (then the equal-score draw), hash in 4.19",
                    Evidence.VERIFIED, KernelProfile::cbpfOutOfRangeFallsBack),
            new ProfileFeature("requestsInEhash",
                    "SYN-RECV requests live in the established hash pointing at their listener (else a SYN table per "
                            + "listener, re-looked-up at the final ACK)",
                    "tcp_v4_rcv(), 4.4 \"tcp/dccp: install syn_recv requests into ehash table\"", Evidence.VERIFIED,
                    KernelProfile::requestsInEhash),
            new ProfileFeature("synDroppedWhenAcceptQueueFull",
                    "a SYN is dropped whenever the accept queue is full (else only when young requests > 1)",
                    "tcp_conn_request(), 4.10 (5ea8ea2cb7f1), in 4.4.y by 4.4.186; 3.10 keeps young > 1", Evidence.VERIFIED,
                    KernelProfile::synDroppedWhenAcceptQueueFull),
            new ProfileFeature("synQueueLimit",
                    "when the SYN queue is full",
                    "inet_csk_reqsk_queue_is_full(); ef547f2ac16b (4.4); 3479c7549fb1 (6.13) seen in 5.15.177, same batch "
                            + "assumed for 5.4-6.12", Evidence.COMMIT_TEXT, KernelProfile::synQueueLimit),
            new ProfileFeature("listenerMigration",
                    "net.ipv4.tcp_migrate_req: a closing listener's children and requests move to another member",
                    "tcp_migrate_req series, 5.14 (Kuniyuki Iwashima)", Evidence.COMMIT_TEXT,
                    KernelProfile::listenerMigration),
            new ProfileFeature("connectPortSearch",
                    "how connect() picks a local port",
                    "__inet_hash_connect(): 3.10-era tree; 07f4c90062f8 (4.2); 190cc82489f4 (5.12) and the 2022 perturb "
                            + "series in 4.14.282, 4.19.250, 5.10.125 (4.9.y assumed)", Evidence.COMMIT_TEXT,
                    KernelProfile::connectPortSearch),
            new ProfileFeature("disconnectKeepsRole",
                    "a socket back in CLOSE keeps its role: once in the established hash it cannot listen (the port "
                            + "is taken, then EINVAL), once listening it cannot connect (EINVAL)",
                    "no upstream change (7.2.13, 6.12, 6.1, 5.10 and the older 6.18.44 build answer as before); "
                            + "observed on 6.18.44-fc-v1045, decided by detection", Evidence.OBSERVED,
                    KernelProfile::disconnectKeepsRole));

    public static Optional<ProfileFeature> byKey(String key) {
        return ALL.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    public static List<String> keys() {
        return ALL.stream().map(ProfileFeature::key).toList();
    }

    /** The profile's value as a scenario file writes it ({@code true}, {@code PERTURB}, {@code 4096}). */
    public String valueText(KernelProfile p) {
        return String.valueOf(value.apply(p));
    }

    /** The values the feature can have, as text; empty when any number or text is a value. */
    public List<String> valueTexts() {
        Object sample = value.apply(KernelProfiles.newest());
        return switch (sample) {
            case Boolean b -> List.of("true", "false");
            case Enum<?> e -> Arrays.stream(e.getDeclaringClass().getEnumConstants()).map(String::valueOf).toList();
            default -> List.of();
        };
    }

    /** The value a text names (one of {@link #valueTexts()}, or a number or text for the open-ended features). */
    public Object parse(String text) {
        Object sample = value.apply(KernelProfiles.newest());
        return switch (sample) {
            case Boolean b -> Boolean.parseBoolean(text);
            case Integer i -> Integer.parseInt(text);
            case Enum<?> e -> Arrays.stream(e.getDeclaringClass().getEnumConstants())
                    .filter(c -> String.valueOf(c).equals(text)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(text + " is not a value of " + key));
            default -> text;
        };
    }

    public boolean admitsText(String text) {
        List<String> values = valueTexts();
        return values.isEmpty() || values.contains(text);
    }
}
