package org.reuselab.core.scenario;

import static org.reuselab.core.scenario.StepCtx.present;

import java.util.List;
import java.util.Optional;
import org.reuselab.core.net.Family;
import org.reuselab.core.scenario.StepCtx.Pending;

/** Steps that act on one local socket and need no address: socket, options, close and the like. */
final class SocketSteps {

    private SocketSteps() {
    }

    static Optional<Pending> socket(StepCtx c) {
        Fields f = c.fields();
        Optional<String> sock = c.newName("sock", true);
        Optional<Family> family = f.opt("family").map(v -> c.word(v, "family", List.of("ipv4", "ipv6"))
                .map(w -> w.equals("ipv6") ? Family.IPV6 : Family.IPV4)).orElse(Optional.of(Family.IPV4));
        Optional<Integer> uid = f.optInt("uid", 0, Integer.MAX_VALUE, 0);
        List<OptionSetting> opts = f.opt("opts").map(v -> OptionReader.opts(v, c.problems())).orElse(List.of());
        sock.ifPresent(c.names()::create);
        return present(sock, family, uid)
                ? Optional.of(m -> new Step.Socket(m, sock.get(), family.get(), uid.get(), opts)) : Optional.empty();
    }

    static Optional<Pending> setsockopt(StepCtx c) {
        Optional<String> sock = c.existingSock();
        Optional<SockOpt> opt = option(c);
        Optional<OptValue> value = c.fields().req("value")
                .flatMap(v -> opt.flatMap(o -> OptionReader.value(o, v, c.problems())));
        return present(sock, opt, value)
                ? Optional.of(m -> new Step.Setsockopt(m, sock.get(), new OptionSetting(opt.get(), value.get(),
                        c.fields().opt("value").orElseThrow().pos()))) : Optional.empty();
    }

    static Optional<Pending> getsockopt(StepCtx c) {
        Optional<String> sock = c.existingSock();
        Optional<SockOpt> opt = option(c).filter(o -> isFlag(o, c));
        return present(sock, opt) ? Optional.of(m -> new Step.Getsockopt(m, sock.get(), opt.get())) : Optional.empty();
    }

    private static Optional<SockOpt> option(StepCtx c) {
        return c.fields().req("opt").flatMap(v -> Values.string(v, "\"opt\"", c.problems())
                .flatMap(name -> OptionReader.name(name, v.pos(), c.problems())));
    }

    private static boolean isFlag(SockOpt o, StepCtx c) {
        if (o.kind() != SockOpt.Kind.FLAG) {
            List<String> flags = java.util.Arrays.stream(SockOpt.values())
                    .filter(x -> x.kind() == SockOpt.Kind.FLAG).map(SockOpt::name).toList();
            c.problems().error(c.fields().opt("opt").orElseThrow().pos(),
                    "getsockopt reads flag options only, not " + o,
                    "flag options: " + String.join(", ", flags));
        }
        return o.kind() == SockOpt.Kind.FLAG;
    }

    static Optional<Pending> fchown(StepCtx c) {
        Optional<String> sock = c.existingSock();
        Optional<Integer> uid = c.fields().reqInt("uid", 0, Integer.MAX_VALUE);
        return present(sock, uid) ? Optional.of(m -> new Step.Fchown(m, sock.get(), uid.get())) : Optional.empty();
    }

    static Optional<Pending> write(StepCtx c) {
        Optional<String> sock = c.existingSock();
        Optional<Integer> bytes = c.fields().reqInt("bytes", 0, Integer.MAX_VALUE);
        return present(sock, bytes) ? Optional.of(m -> new Step.Write(m, sock.get(), bytes.get())) : Optional.empty();
    }

    static Optional<Pending> shutdown(StepCtx c) {
        Optional<String> sock = c.existingSock();
        Optional<Step.How> how = c.fields().req("how").flatMap(v -> c.word(v, "how", List.of("rd", "wr", "rdwr")))
                .map(w -> Step.How.valueOf(w.toUpperCase(java.util.Locale.ROOT)));
        return present(sock, how) ? Optional.of(m -> new Step.Shutdown(m, sock.get(), how.get())) : Optional.empty();
    }

    static Optional<Pending> serve(StepCtx c) {
        Optional<String> sock = c.existingSock();
        Optional<Boolean> serve = c.fields().optBool("serve", true);
        Optional<Boolean> close = c.fields().optBool("close", true);
        return present(sock, serve, close)
                ? Optional.of(m -> new Step.Serve(m, sock.get(), serve.get(), close.get())) : Optional.empty();
    }

    static Optional<Pending> close(StepCtx c) {
        return c.existingSock().map(s -> m -> new Step.Close(m, s));
    }

    static Optional<Pending> info(StepCtx c) {
        return c.existingSock().map(s -> m -> new Step.Info(m, s));
    }

    static Optional<Pending> acceptAll(StepCtx c) {
        return c.existingSock().map(s -> m -> new Step.AcceptAll(m, s));
    }
}
