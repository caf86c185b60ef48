package org.reuselab.core.model.conn;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeMap;
import org.reuselab.core.model.sock.EhashEntry;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.FourTuple;

/** The established hash: 4-tuple to socket, request or TIME_WAIT record, in a fixed order. */
public final class Ehash {

    private static final Comparator<FourTuple> ORDER =
            Comparator.comparing(FourTuple::local).thenComparing(FourTuple::remote);

    private final TreeMap<FourTuple, EhashEntry> entries = new TreeMap<>(ORDER);

    public Optional<EhashEntry> find(Endpoint local, Endpoint remote) {
        return Optional.ofNullable(entries.get(new FourTuple(local, remote)));
    }

    public void put(EhashEntry e) {
        entries.put(new FourTuple(e.localEnd(), e.remoteEnd()), e);
    }

    /** Removes the entry only if it is still the one stored for its 4-tuple. */
    public void remove(EhashEntry e) {
        entries.remove(new FourTuple(e.localEnd(), e.remoteEnd()), e);
    }

    public Collection<EhashEntry> all() {
        return entries.values();
    }

    public int size() {
        return entries.size();
    }
}
