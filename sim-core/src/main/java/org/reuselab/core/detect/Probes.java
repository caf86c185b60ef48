package org.reuselab.core.detect;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reuselab.core.kernel.Feature;

/** The features a probe can decide, each with the scenario that tells its values apart. */
public final class Probes {

    private static final List<Probe> ALL = List.of(
            new Probe(Feature.UNPRIVILEGED_PORT_START_SYSCTL, "bind/36-sysctl-validation.json"),
            new Probe(Feature.AUTOBIND_SMALLEST_SIZE_FALLBACK, "bind/34a-autobind-reuse-0.json"),
            new Probe(Feature.AUTOBIND_IGNORES_REUSEPORT, "bind/34b-autobind-reuse-1.json"),
            new Probe(Feature.AUTOBIND_REUSE_SYSCTL, "bind/34a-autobind-reuse-0.json"),
            new Probe(Feature.FAST_REUSEPORT_CACHE, "bind/43-strict-cache-skips-earlier-owner.json"),
            new Probe(Feature.FIRST_OWNER_BRANCH_REACHABLE, "bind/39-stale-flags.json"),
            new Probe(Feature.REUSEPORT_GROUP_BLOCKS_SHARING, "bind/37-cbpf-before-bind.json"),
            new Probe(Feature.CLOSED_GROUP_MEMBER_MAY_SHARE, "bind/30b-reuseport-shutdown-relisten-migrate1.json"),
            new Probe(Feature.RELEASE_RECOMPUTES_CONNECT_ONLY, "bind/41-port-release-connect-only.json"),
            new Probe(Feature.LOCAL_PORT_RANGE_OPTION, "rules/socket-call-errors.json"),
            new Probe(Feature.BIND_ADDRESS_NO_PORT_OPTION, "detect/bindAddressNoPortOption.json"),
            new Probe(Feature.REQUESTS_IN_EHASH, "reload/requests-in-flight-listener-added.json"),
            new Probe(Feature.SYN_DROPPED_WHEN_ACCEPT_QUEUE_FULL, "reuseport/same-tuple-same-listener.json"),
            new Probe(Feature.SYN_QUEUE_LIMIT, "accept/syncookies-on-syn-queue-overflow.json"),
            new Probe(Feature.LISTENER_MIGRATION, "rules/migrate-at-close.json"),
            new Probe(Feature.MIGRATE_REQ_SYSCTL, "bind/30a-reuseport-shutdown-relisten-migrate0.json"),
            new Probe(Feature.DISCONNECT_KEEPS_ROLE, "detect/disconnectKeepsRole.json"));

    private Probes() {
    }

    /** Why a feature has no probe. */
    private static final Map<Feature, String> NO_PROBE = new EnumMap<>(Map.ofEntries(
            Map.entry(Feature.DEFAULT_LOCAL_PORT_RANGE, "the ports a kernel draws are fed to the model in a comparison"),
            Map.entry(Feature.BIND_ZERO_SEARCH, "the ports a kernel draws are fed to the model in a comparison"),
            Map.entry(Feature.CONNECT_PORT_SEARCH, "the ports a kernel draws are fed to the model in a comparison"),
            Map.entry(Feature.EHASH_FORM, "the hash secret is per boot: the member each flow reaches is fed to the model"),
            Map.entry(Feature.REUSEPORT_GROUPS, "the member each flow reaches is fed to the model, so a group and a reservoir "
                    + "draw look alike"),
            Map.entry(Feature.CBPF_OUT_OF_RANGE_FALLS_BACK, "a hash fallback and the first member look alike when the member each "
                    + "flow reaches is fed to the model"),
            Map.entry(Feature.DEFAULT_SOMAXCONN, "the capped backlog shows only in a dump's Send-Q, which a comparison does not "
                    + "judge, or after thousands of connections"),
            Map.entry(Feature.LISTENER_LOOKUP, "no library file yet tells the two lookups apart on a running kernel"),
            Map.entry(Feature.ORPHAN_UID_IS_ROOT, "no library file yet binds next to an orphaned socket of another uid")));

    public static List<Probe> all() {
        return ALL;
    }

    /** Why {@code f} cannot be probed (empty when it can). */
    public static Optional<String> whyNot(Feature f) {
        return of(f).isPresent() ? Optional.empty()
                : Optional.of(NO_PROBE.getOrDefault(f, "no probe written yet"));
    }

    public static Optional<Probe> of(Feature f) {
        return ALL.stream().filter(p -> p.feature().equals(f)).findFirst();
    }
}
