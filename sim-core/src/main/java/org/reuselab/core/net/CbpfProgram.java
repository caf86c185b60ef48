package org.reuselab.core.net;

import java.util.List;

/** A classic BPF program (SO_ATTACH_REUSEPORT_CBPF): the instructions in order. */
public record CbpfProgram(List<CbpfInsn> insns) {
    public CbpfProgram {
        insns = List.copyOf(insns);
    }

    @Override
    public String toString() {
        if (insns.size() == 1 && insns.get(0).code() == CbpfInsn.RET_K) {
            return "{return " + Integer.toUnsignedString(insns.get(0).k()) + "}";
        }
        return "{" + insns.size() + " insns}";
    }
}
