package org.reuselab.core.model.listen;

import org.reuselab.core.model.Rule;
import org.reuselab.core.model.sock.SimSocket;

/** The listener a segment reached, and how it was chosen (with the flow hash and index where one was used). */
public record Selection(SimSocket listener, Rule rule, int hash, int index, int members) {

    public String describe() {
        return switch (rule) {
            case REUSEPORT_HASH -> listener.name() + ": index " + index + " = (hash 0x"
                    + Integer.toHexString(hash) + " * " + members + ") >> 32 of " + members + " members";
            case REUSEPORT_BPF -> listener.name() + ": BPF program returned " + index + " of " + members + " members";
            case REUSEPORT_BPF_OUT_OF_RANGE -> listener.name() + ": BPF index out of range, hash index " + index
                    + " of " + members;
            default -> listener.name();
        };
    }
}
