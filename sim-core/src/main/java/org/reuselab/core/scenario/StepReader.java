package org.reuselab.core.scenario;

import java.util.Optional;
import java.util.OptionalInt;
import org.reuselab.core.scenario.StepCtx.Pending;
import org.reuselab.core.scenario.json.JsonValue.JsonNumber;
import org.reuselab.core.scenario.json.JsonValue.JsonObject;
import org.reuselab.core.scenario.json.JsonValue.JsonString;
import org.reuselab.core.scenario.json.JsonValue;
import org.reuselab.core.text.Suggest;

/** One element of {@code steps}: its op, the op's own fields, and the common note and expect. */
final class StepReader {

    private final Problems problems;
    private final NameFlow names;
    private final ExpectationReader expectations;

    StepReader(Problems problems, NameFlow names) {
        this.problems = problems;
        this.names = names;
        this.expectations = new ExpectationReader(problems, names);
    }

    /** @param number 1-based, as StepMeta counts; the pointer counts from 0 */
    Optional<Step> read(JsonValue v, int number) {
        Optional<OpSpec> spec = Values.object(v, "each step", problems).flatMap(this::spec);
        if (spec.isEmpty()) {
            return Optional.empty(); // without a known op nothing else in the step can be judged
        }
        JsonObject obj = (JsonObject) v;
        OpSpec op = spec.get();
        Fields f = Fields.of(obj, op.what(), op.known(), Optional.of(op.exampleObject()), problems);
        Optional<Pending> body = body(new StepCtx(op, f, problems, names));
        Optional<String> note = f.optString("note");
        boolean noteOk = note.isPresent() || !f.has("note");
        ExpectRules rules = ExpectRules.of(op, op.op().equals("connect") && f.has("count"), connections(op, obj));
        Optional<Optional<Expectation>> expect = f.optional("expect", e -> expectations.read(e, rules));
        if (body.isEmpty() || !noteOk || expect.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(body.get().with(new StepMeta(number, obj.pos(), note, expect.get())));
    }

    /** How many connections a handshake or counted connect makes, when its field is readable. */
    private static OptionalInt connections(OpSpec spec, JsonObject obj) {
        if (spec.op().equals("connect")) {
            return obj.get("count").orElse(null) instanceof JsonNumber n && n.integral()
                    && n.bigInteger().bitLength() < 32
                    ? OptionalInt.of(n.bigInteger().intValue()) : OptionalInt.empty();
        }
        if (spec.op().equals("handshake") && obj.get("from").orElse(null) instanceof JsonString from) {
            return AddrText.parse(from.value(), true).addr().map(a -> OptionalInt.of(
                    a.port() instanceof PortSpec.Range r ? r.size() : 1)).orElse(OptionalInt.empty());
        }
        return OptionalInt.empty();
    }

    private Optional<OpSpec> spec(JsonObject obj) {
        Optional<JsonValue> op = obj.get("op");
        if (op.isEmpty()) {
            problems.error(obj.pos(), "step has no \"op\"",
                    "every step starts with \"op\", one of: " + String.join(", ", OpSpec.NAMES));
            return Optional.empty();
        }
        Optional<String> name = Values.string(op.get(), "\"op\"", problems);
        Optional<OpSpec> spec = name.flatMap(OpSpec::byName);
        if (name.isPresent() && spec.isEmpty()) {
            problems.error(op.get().pos(), "unknown op \"" + name.get() + "\"",
                    Suggest.hint(name.get(), OpSpec.NAMES, "known ops"));
        }
        return spec;
    }

    private static Optional<Pending> body(StepCtx c) {
        return switch (c.spec().op()) {
            case "socket" -> SocketSteps.socket(c);
            case "setsockopt" -> SocketSteps.setsockopt(c);
            case "getsockopt" -> SocketSteps.getsockopt(c);
            case "fchown" -> SocketSteps.fchown(c);
            case "write" -> SocketSteps.write(c);
            case "shutdown" -> SocketSteps.shutdown(c);
            case "serve" -> SocketSteps.serve(c);
            case "close" -> SocketSteps.close(c);
            case "info" -> SocketSteps.info(c);
            case "accept_all" -> SocketSteps.acceptAll(c);
            case "bind" -> ConnectionSteps.bind(c);
            case "listen" -> ConnectionSteps.listen(c);
            case "connect" -> ConnectionSteps.connect(c);
            case "accept" -> ConnectionSteps.accept(c);
            case "send" -> PeerSteps.send(c);
            case "handshake" -> PeerSteps.handshake(c);
            case "advance" -> PeerSteps.advance(c);
            case "sysctl" -> PeerSteps.sysctl(c);
            case "dump" -> PeerSteps.dump(c);
            default -> throw new IllegalStateException("op table and readers disagree on " + c.spec().op());
        };
    }
}
