package org.reuselab.core.model.bind;

import java.util.Optional;
import java.util.OptionalInt;
import org.reuselab.core.kernel.BindZeroSearch;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.SysctlKey;
import org.reuselab.core.model.Chooser;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.Sysctls;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.TcpState;

/**
 * bind(port 0) and listen() on an unbound socket: the port search of inet_csk_get_port() /
 * inet_csk_find_open_port(), in the form the profile's kernel uses ({@code BindZeroSearch}).
 * The random start is drawn through the {@link Chooser}.
 */
public final class EphemeralSearch {

    private final BindTable table;
    private final SimSocket s;
    private final Sysctls sysctls;
    private final KernelProfile profile;
    private final Chooser chooser;
    private int tried;
    private PortBucket smallest;

    private EphemeralSearch(BindTable table, SimSocket s, Sysctls sysctls, KernelProfile profile, Chooser chooser) {
        this.table = table;
        this.s = s;
        this.sysctls = sysctls;
        this.profile = profile;
        this.chooser = chooser;
    }

    public static AutobindResult find(BindTable table, SimSocket s, Sysctls sysctls, KernelProfile profile,
            Chooser chooser) {
        return new EphemeralSearch(table, s, sysctls, profile, chooser).run();
    }

    /** The socket's search range, inclusive: the namespace's, narrowed by IP_LOCAL_PORT_RANGE (6.3, 6.1.32). */
    public static int[] effectiveRange(SimSocket s, Sysctls sysctls, KernelProfile profile) {
        int[] r = sysctls.localPortRange();
        int lo = r[0];
        int hi = r[1];
        if (profile.localPortRangeOption() && (s.portRangeLow() != 0 || s.portRangeHigh() != 0)) {
            if (lo <= s.portRangeLow() && s.portRangeLow() <= hi) {
                lo = s.portRangeLow();
            }
            if (lo <= s.portRangeHigh() && s.portRangeHigh() <= hi) {
                hi = s.portRangeHigh();
            }
        }
        return new int[] {lo, hi};
    }

    private AutobindResult run() {
        Optional<AutobindResult> found = switch (profile.bindZeroSearch()) {
            case SEQUENTIAL -> sequential(false);
            case SEQUENTIAL_HALVES -> sequential(s.skReuse() == 1);
            case ODD_FIRST -> oddFirst(false);
        };
        if (found.isEmpty() && profile.bindZeroSearch() == BindZeroSearch.ODD_FIRST
                && profile.autobindReuseSysctl() && sysctls.getInt(SysctlKey.IP_AUTOBIND_REUSE) != 0) {
            found = oddFirst(true);
        }
        return found.orElseGet(() -> new AutobindResult(OptionalInt.empty(),
                new WalkResult(true, Rule.EPHEMERAL_EXHAUSTED, Optional.empty(), 0), tried));
    }

    /** 4.6+: odd offsets then even, step 2; an SO_REUSEADDR socket tries the lower half first. */
    private Optional<AutobindResult> oddFirst(boolean relax) {
        int[] r = effectiveRange(s, sysctls, profile);
        int attemptHalf = s.skReuse() == 1 ? 1 : 0;
        while (true) {
            int low = r[0];
            int high = r[1] + 1;
            if (high - low < 4) {
                attemptHalf = 0;
            }
            if (attemptHalf != 0) {
                int half = low + (((high - low) >> 2) << 1);
                if (attemptHalf == 1) {
                    high = half;
                } else {
                    low = half;
                }
            }
            int remaining = high - low;
            if (remaining > 1) {
                remaining &= ~1;
            }
            int offset = chooser.searchOffset(Chooser.Draw.BIND_PORT_OFFSET, low, remaining) | 1;
            for (int pass = 0; pass < 2; pass++) {
                Optional<AutobindResult> hit = scanParity(low, high, remaining, offset, relax);
                if (hit.isPresent()) {
                    return hit;
                }
                offset--;
                Optional<AutobindResult> fallback = smallestSizeFallback();
                if (fallback.isPresent()) {
                    return fallback;
                }
            }
            if (attemptHalf != 1) {
                return Optional.empty();
            }
            attemptHalf = 2;
        }
    }

    private Optional<AutobindResult> scanParity(int low, int high, int remaining, int offset, boolean relax) {
        int port = low + offset;
        for (int i = 0; i < remaining; i += 2, port += 2) {
            if (port >= high) {
                port -= remaining;
            }
            Optional<AutobindResult> hit = tryPort(port, relax);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    /** 3.10 and 4.4: a random start, then every port in turn; 4.4 splits an SO_REUSEADDR scan in halves. */
    private Optional<AutobindResult> sequential(boolean halves) {
        int[] r = effectiveRange(s, sysctls, profile);
        int half = r[0] + (r[1] - r[0]) / 2;
        int[][] spans = halves ? new int[][] {{r[0], half}, {half, r[1]}} : new int[][] {{r[0], r[1]}};
        for (int[] span : spans) {
            int remaining = span[1] - span[0] + 1;
            int rover = span[0] + chooser.searchOffset(Chooser.Draw.BIND_PORT_OFFSET, span[0], remaining);
            for (int n = remaining; n > 0; n--) {
                Optional<AutobindResult> hit = tryPort(rover, false);
                if (hit.isPresent()) {
                    return hit;
                }
                rover = rover == span[1] ? span[0] : rover + 1;
            }
            Optional<AutobindResult> fallback = smallestSizeFallback();
            if (fallback.isPresent()) {
                return fallback;
            }
        }
        return Optional.empty();
    }

    private Optional<AutobindResult> tryPort(int port, boolean relax) {
        if (sysctls.isReserved(port)) {
            return Optional.empty();
        }
        tried++;
        Optional<PortBucket> tb = table.bucket(port);
        if (tb.isEmpty()) {
            return Optional.of(hit(port, new WalkResult(false, Rule.EPHEMERAL_CHOSEN, Optional.empty(), 0)));
        }
        noteSmallest(tb.get());
        WalkResult w = OwnerWalk.check(s, tb.get(), relax, false, profile);
        if (w.conflict()) {
            return Optional.empty();
        }
        boolean shared = w.rule() != Rule.NO_OVERLAP;
        return Optional.of(hit(port, shared ? w
                : new WalkResult(false, Rule.EPHEMERAL_CHOSEN, Optional.empty(), w.ownersWalked())));
    }

    private AutobindResult hit(int port, WalkResult why) {
        chooser.tookPort(port);
        return new AutobindResult(OptionalInt.of(port), why, tried);
    }

    /**
     * Before 4.13 the search remembered the fast-path-eligible bucket with the fewest owners
     * (smallest_size) and, when nothing else was free, took it if the relax=1 check allowed.
     */
    private void noteSmallest(PortBucket tb) {
        if (!profile.autobindSmallestSizeFallback()) {
            return;
        }
        boolean eligible = (tb.flags().fastreuse() > 0 && s.skReuse() != 0 && s.state() != TcpState.LISTEN)
                || FastPath.reuseportMatch(tb.flags(), s, profile);
        if (eligible && (smallest == null || tb.ownerCount() < smallest.ownerCount())) {
            smallest = tb;
        }
    }

    private Optional<AutobindResult> smallestSizeFallback() {
        if (smallest == null) {
            return Optional.empty();
        }
        WalkResult w = OwnerWalk.check(s, smallest, true, true, profile);
        PortBucket candidate = smallest;
        smallest = null;
        return w.conflict() ? Optional.empty() : Optional.of(hit(candidate.port(), w));
    }
}
