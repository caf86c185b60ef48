package org.reuselab.core.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.net.CbpfInsn;
import org.reuselab.core.net.CbpfProgram;
import org.reuselab.core.scenario.json.JsonValue.JsonArray;
import org.reuselab.core.scenario.json.JsonValue.JsonObject;
import org.reuselab.core.scenario.json.JsonValue;

/** A classic BPF program for SO_ATTACH_REUSEPORT_CBPF: {@code {"return": k}} or {@code {"insns": [...]}}. */
final class CbpfReader {

    private static final String EXAMPLE = "{\"return\": 0} or {\"insns\": [[6, 0, 0, 0]]}";
    private static final long U32 = 0xffff_ffffL;

    private CbpfReader() {
    }

    static Optional<OptValue> program(SockOpt opt, JsonValue v, Problems p) {
        if (!(v instanceof JsonObject o)) {
            p.error(v.pos(), opt + " takes a BPF program, got " + v.describe(), "write " + EXAMPLE);
            return Optional.empty();
        }
        Fields f = OptionReader.fields(o, "a BPF program", List.of("return", "insns"), EXAMPLE, p);
        if (f.has("return") == f.has("insns")) {
            p.error(o.pos(), "a BPF program has either \"return\" or \"insns\", not "
                    + (f.has("return") ? "both" : "neither"), "write " + EXAMPLE);
            return Optional.empty();
        }
        if (f.has("return")) {
            return f.reqLong("return", 0, U32).map(k -> new OptValue.Program(new CbpfProgram(
                    List.of(new CbpfInsn(CbpfInsn.RET_K, 0, 0, k.intValue())))));
        }
        return f.req("insns").flatMap(i -> insns(i, p));
    }

    private static Optional<OptValue> insns(JsonValue v, Problems p) {
        Optional<JsonArray> arr = Values.array(v, "\"insns\"", p);
        if (arr.isEmpty()) {
            return Optional.empty();
        }
        if (arr.get().items().isEmpty()) {
            p.error(v.pos(), "\"insns\" is empty; a BPF program needs at least one instruction",
                    "the smallest program is [[6, 0, 0, 0]] (return 0)");
            return Optional.empty();
        }
        List<CbpfInsn> out = new ArrayList<>();
        boolean ok = true;
        for (JsonValue item : arr.get().items()) {
            Optional<CbpfInsn> insn = insn(item, p);
            insn.ifPresent(out::add);
            ok &= insn.isPresent();
        }
        return ok ? Optional.of(new OptValue.Program(new CbpfProgram(out))) : Optional.empty();
    }

    private static Optional<CbpfInsn> insn(JsonValue v, Problems p) {
        if (!(v instanceof JsonArray a) || a.items().size() != 4) {
            p.error(v.pos(), "a BPF instruction is [code, jt, jf, k], got " + v.describe(),
                    "e.g. [6, 0, 0, 1] returns 1");
            return Optional.empty();
        }
        Optional<Integer> code = Values.integer(a.items().get(0), "code", 0, 0xffff, p);
        Optional<Integer> jt = Values.integer(a.items().get(1), "jt", 0, 0xff, p);
        Optional<Integer> jf = Values.integer(a.items().get(2), "jf", 0, 0xff, p);
        Optional<Long> k = Values.integer(a.items().get(3), "k", 0, U32, p);
        if (code.isEmpty() || jt.isEmpty() || jf.isEmpty() || k.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CbpfInsn(code.get(), jt.get(), jf.get(), k.get().intValue()));
    }
}
