package org.reuselab.core.scenario;

import static org.reuselab.core.scenario.StepCtx.present;

import java.util.Optional;
import java.util.OptionalLong;
import org.reuselab.core.kernel.SysctlKey;
import org.reuselab.core.scenario.StepCtx.Pending;
import org.reuselab.core.scenario.json.JsonValue;

/** Steps that are not calls on a local socket: remote packets, time, sysctls and dumps. */
final class PeerSteps {

    private static final long U32 = 0xffff_ffffL;

    private PeerSteps() {
    }

    static Optional<Pending> send(StepCtx c) {
        Fields f = c.fields();
        Optional<AddrSpec> from = c.addr("from", false);
        Optional<AddrSpec> to = c.addr("to", false);
        Optional<String> flags = f.reqString("flags").filter(s -> flagsOk(s, c));
        Optional<Integer> payload = f.optInt("payload", 0, Integer.MAX_VALUE, 0);
        Optional<OptionalLong> seq = u32(c, "seq");
        Optional<OptionalLong> ack = u32(c, "ack");
        return present(from, to, flags, payload, seq, ack)
                ? Optional.of(m -> new Step.Send(m, from.get(), to.get(), flags.get(), payload.get(), seq.get(),
                        ack.get()))
                : Optional.empty();
    }

    private static boolean flagsOk(String s, StepCtx c) {
        Optional<String> problem = Flags.problem(s);
        problem.ifPresent(msg -> c.problems().error(c.fields().opt("flags").orElseThrow().pos(), msg, Flags.HINT));
        return problem.isEmpty();
    }

    private static Optional<OptionalLong> u32(StepCtx c, String key) {
        return c.fields().optional(key, v -> Values.integer(v, Values.quote(key), 0, U32, c.problems()))
                .map(o -> o.map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    static Optional<Pending> handshake(StepCtx c) {
        Optional<AddrSpec> from = c.addr("from", true);
        Optional<AddrSpec> to = c.addr("to", false);
        Optional<Optional<Integer>> count = c.fields().optional("count",
                v -> Values.integer(v, "\"count\"", 1, Integer.MAX_VALUE, c.problems()));
        return present(from, to, count) ? Optional.of(m -> new Step.Handshake(m, from.get(), to.get(),
                count.get().map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty()))) : Optional.empty();
    }

    static Optional<Pending> advance(StepCtx c) {
        return c.fields().reqLong("ms", 0, Long.MAX_VALUE).map(ms -> m -> new Step.Advance(m, ms));
    }

    static Optional<Pending> sysctl(StepCtx c) {
        Optional<SysctlKey> key = c.fields().reqString("name")
                .flatMap(n -> SysctlReader.key(n, c.fields().opt("name").orElseThrow().pos(), c.problems()));
        Optional<JsonValue> value = c.fields().req("value");
        return key.flatMap(k -> value.flatMap(v -> SysctlReader.value(k, v, c.problems())))
                .map(s -> m -> new Step.Sysctl(m, s));
    }

    static Optional<Pending> dump(StepCtx c) {
        return Optional.of(Step.Dump::new);
    }
}
