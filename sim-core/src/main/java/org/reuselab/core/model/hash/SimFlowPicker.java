package org.reuselab.core.model.hash;

import java.util.List;
import java.util.OptionalInt;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Endpoint;

/** The simulator's picker: the kernel's flow hash with the run's drawn secrets. */
public final class SimFlowPicker implements FlowPicker {

    private final EhashFunction ehash;

    public SimFlowPicker(EhashFunction ehash) {
        this.ehash = ehash;
    }

    @Override
    public int pick(Endpoint hashLocal, Endpoint remote, List<SimSocket> members, Purpose purpose) {
        return EhashFunction.scale(ehash.hash(hashLocal, remote), members.size());
    }

    @Override
    public OptionalInt hash(Endpoint hashLocal, Endpoint remote) {
        return OptionalInt.of(ehash.hash(hashLocal, remote));
    }
}
