package org.reuselab.core.model.hash;

import java.util.List;
import java.util.OptionalInt;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Endpoint;

/**
 * Which member of a reuseport group a flow picks by hash: {@code (h * n) >> 32} of its flow hash
 * (reuseport_select_sock_by_hash()). The simulator computes h ({@link SimFlowPicker}); a comparison
 * with a real kernel, whose secret is unknown, learns an interval of h per flow instead.
 */
public interface FlowPicker {

    /**
     * Why a flow is being placed: a new segment's listener lookup, or a migration away from a
     * closed listener of a child in its accept queue or of a request (reuseport_migrate_sock()).
     */
    enum Purpose { SELECT, MIGRATE_CHILD, MIGRATE_REQUEST }

    /** The index in {@code members} the flow from {@code remote} to {@code hashLocal} picks. */
    int pick(Endpoint hashLocal, Endpoint remote, List<SimSocket> members, Purpose purpose);

    /** The flow hash itself, where this picker knows it. */
    OptionalInt hash(Endpoint hashLocal, Endpoint remote);
}
