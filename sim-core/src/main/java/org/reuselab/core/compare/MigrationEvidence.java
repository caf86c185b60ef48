package org.reuselab.core.compare;

import java.util.Optional;
import java.util.OptionalInt;
import org.reuselab.core.model.hash.FlowPicker.Purpose;
import org.reuselab.core.model.sock.ListenQueue;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Endpoint;

/**
 * What a real trace says of a flow migrating to one member (reuseport_migrate_sock(), 5.14+).
 * The member that finally accepted a child is not necessarily the one its hash picked at this
 * stop: the child may have gone to another member that stopped later and moved on from there.
 */
final class MigrationEvidence {

    enum Verdict { CONFIRMED, POSSIBLE, EXCLUDED }

    private final Observations real;

    MigrationEvidence(Observations real) {
        this.real = real;
    }

    Verdict of(Endpoint remote, SimSocket member, Purpose purpose, int step) {
        return purpose == Purpose.MIGRATE_REQUEST ? request(remote, member, step) : child(remote, member, step);
    }

    /**
     * A queued child joins the tail of the member's accept queue (inet_csk_reqsk_queue_add()), and
     * accept() takes the head. If the member accepted it, the child is confirmed exactly when the
     * member accepted as many children before it as it has accepted so far and holds now. If not,
     * the child left the member unaccepted: the member stopped before another listener accepted
     * the child (if one did), and until that stop (or ever, if it never stops) the member accepted
     * only children that are ahead of the child now. Only held children the member accepted count
     * as ahead: one the kernel never accepted there was not ahead of anything it accepted.
     */
    private Verdict child(Endpoint remote, SimSocket member, int step) {
        Optional<Observations.Acceptance> accepted = real.acceptanceOf(remote, step);
        ListenQueue q = member.listenQueue();
        long ahead = q.acceptQueue().stream()
                .filter(c -> real.acceptOrdinal(member.name(), step, c.peer().orElseThrow()).isPresent()).count();
        if (accepted.isPresent() && accepted.get().listener().equals(member.name())) {
            OptionalInt ordinal = real.acceptOrdinal(member.name(), step, remote);
            if (ordinal.isPresent()) {
                return ordinal.getAsInt() == q.acceptedCount() + ahead ? Verdict.CONFIRMED : Verdict.EXCLUDED;
            }
        }
        OptionalInt stop = real.nextStop(member.name(), step);
        if (accepted.isPresent() && (stop.isEmpty() || stop.getAsInt() > accepted.get().step())) {
            return Verdict.EXCLUDED;
        }
        long takenMeanwhile = real.acceptsBetween(member.name(), step, stop.orElse(Integer.MAX_VALUE));
        return takenMeanwhile <= ahead ? Verdict.POSSIBLE : Verdict.EXCLUDED;
    }

    /**
     * A request has no place in a queue yet: the listener that later queued its child, or else
     * accepted it, confirms; every other member stays possible.
     */
    private Verdict request(Endpoint remote, SimSocket member, int step) {
        Optional<String> queued = real.queuedFrom(step, remote).or(() -> real.acceptedBy(remote));
        return queued.filter(member.name()::equals).isPresent() ? Verdict.CONFIRMED : Verdict.POSSIBLE;
    }
}
