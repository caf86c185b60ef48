package org.reuselab.core.model.bind;

import java.util.OptionalInt;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.sock.BindOwner;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.TcpState;

/**
 * The pairwise conflict rule between the binding socket S and one owner E whose address overlaps:
 * inet_bind_conflict() (6.18; the same logic inline in inet_csk_bind_conflict() before).
 * {@code relax} and {@code reuseportOk} are the caller's: explicit bind and listen pass 1/1,
 * bind(0) passes 0/0 and then 1/0 (ip_autobind_reuse).
 */
final class PairRule {

    private PairRule() {
    }

    static OwnerVerdict decide(SimSocket s, BindOwner e, boolean relax, boolean reuseportOk, KernelProfile profile) {
        // Before 4.10 there was no reuseport_ok: auto-selection could share through SO_REUSEPORT.
        boolean rpOk = reuseportOk || !profile.autobindIgnoresReuseport();
        boolean bothRa = s.skReuse() != 0 && e.skReuse() != 0;
        boolean eListening = e.state() == TcpState.LISTEN;
        boolean bothRp = s.reusePort() && e.reusePort();
        boolean cbOk = reuseportCbOk(s, profile);
        boolean sameUid = sameUid(s, e, profile);
        boolean rpPass = bothRp && cbOk && sameUid;

        if (bothRa && !eListening) {
            if (!relax) {
                return new OwnerVerdict(e, Rule.CONFLICT_AUTOBIND_STRICT, true);
            }
            if (!rpOk && rpPass) {
                return new OwnerVerdict(e, Rule.CONFLICT_AUTOBIND_NO_REUSEPORT, true);
            }
            return new OwnerVerdict(e, reuseportOk ? Rule.SHARED_REUSEADDR : Rule.EPHEMERAL_SHARED_AUTOBIND_REUSE, false);
        }
        if (rpOk && rpPass) {
            Rule shared = e.state() == TcpState.TIME_WAIT ? Rule.SHARED_REUSEPORT_TIME_WAIT : Rule.SHARED_REUSEPORT;
            return new OwnerVerdict(e, shared, false);
        }
        if (rpPass) {
            return new OwnerVerdict(e, Rule.CONFLICT_AUTOBIND_NO_REUSEPORT, true);
        }
        return new OwnerVerdict(e, conflictReason(bothRa, bothRp, cbOk), true);
    }

    private static Rule conflictReason(boolean bothRa, boolean bothRp, boolean cbOk) {
        if (bothRp && !cbOk) {
            return Rule.CONFLICT_REUSEPORT_GROUP;
        }
        if (bothRp) {
            return Rule.CONFLICT_REUSEPORT_UID;
        }
        return bothRa ? Rule.CONFLICT_LISTENER : Rule.CONFLICT_NO_REUSE;
    }

    /**
     * reuseport_cb_ok: a socket that already has a reuseport group may not share (4.6+), unless
     * the group keeps closed members for migration (5.14+).
     */
    static boolean reuseportCbOk(SimSocket s, KernelProfile profile) {
        if (!profile.reuseportGroupBlocksSharing() || s.reuseportGroup() == null) {
            return true;
        }
        return profile.closedGroupMemberMayShare() && s.reuseportGroup().numClosedSocks() > 0;
    }

    /** TIME_WAIT owners have no uid: the uid test passes for them. */
    private static boolean sameUid(SimSocket s, BindOwner e, KernelProfile profile) {
        OptionalInt eUid = e.bindCheckUid(profile.orphanUidIsRoot());
        return eUid.isEmpty() || eUid.getAsInt() == s.uid();
    }
}
