package org.reuselab.core.scenario;

import static org.reuselab.core.scenario.StepCtx.present;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.reuselab.core.scenario.StepCtx.Pending;
import org.reuselab.core.scenario.json.JsonValue;

/** bind, listen, connect and accept: the steps that give sockets ports and names. */
final class ConnectionSteps {

    private static final String SOCKADDR_EXAMPLE = "{\"family\": \"inet\", \"len\": 16}";

    private ConnectionSteps() {
    }

    static Optional<Pending> bind(StepCtx c) {
        Optional<String> sock = c.existingSock();
        Optional<AddrSpec> addr = c.addr("addr", false);
        Optional<Optional<Step.RawSockaddr>> raw = c.fields().optional("sockaddr", v -> sockaddr(v, c));
        sock.ifPresent(c.names()::givePort);
        return present(sock, addr, raw)
                ? Optional.of(m -> new Step.Bind(m, sock.get(), addr.get(), raw.get())) : Optional.empty();
    }

    private static Optional<Step.RawSockaddr> sockaddr(JsonValue v, StepCtx c) {
        return Values.object(v, "\"sockaddr\"", c.problems()).flatMap(o -> {
            Fields f = Fields.of(o, "a sockaddr", List.of("family", "len"), Optional.of(SOCKADDR_EXAMPLE),
                    c.problems());
            Optional<Step.SaFamily> family = f.req("family")
                    .flatMap(fv -> c.word(fv, "family", List.of("unspec", "inet", "inet6")))
                    .map(w -> Step.SaFamily.valueOf(w.toUpperCase(java.util.Locale.ROOT)));
            Optional<Integer> len = f.reqInt("len", 0, 65535);
            return present(family, len) ? Optional.of(new Step.RawSockaddr(family.get(), len.get())) : Optional.empty();
        });
    }

    static Optional<Pending> listen(StepCtx c) {
        Optional<String> sock = c.existingSock();
        Optional<Integer> backlog = c.fields().optInt("backlog", Integer.MIN_VALUE, Integer.MAX_VALUE, 128);
        sock.ifPresent(c.names()::givePort);
        return present(sock, backlog)
                ? Optional.of(m -> new Step.Listen(m, sock.get(), backlog.get())) : Optional.empty();
    }

    /** Without count, sock is used or created; with count N, sock1..sockN are created. */
    static Optional<Pending> connect(StepCtx c) {
        Optional<AddrSpec> to = c.addr("to", false);
        Optional<String> sock = c.newName("sock", true);
        Optional<Optional<Integer>> count = c.fields().optional("count",
                v -> Values.integer(v, "\"count\"", 1, Integer.MAX_VALUE, c.problems()));
        Optional<Integer> timeout = c.fields().optInt("timeoutMs", 0, Integer.MAX_VALUE, 1000);
        if (sock.isPresent() && count.isPresent()) {
            define(c.names(), sock.get(), count.get());
        }
        return present(to, sock, count, timeout)
                ? Optional.of(m -> new Step.Connect(m, sock.get(), to.get(),
                        count.get().map(OptionalInt::of).orElse(OptionalInt.empty()), timeout.get()))
                : Optional.empty();
    }

    private static void define(NameFlow names, String sock, Optional<Integer> count) {
        if (count.isEmpty()) {
            names.defineWithPort(sock);
            return;
        }
        for (int i = 1; i <= count.get(); i++) {
            names.defineWithPort(sock + i);
        }
    }

    static Optional<Pending> accept(StepCtx c) {
        Optional<String> sock = c.existingSock();
        Optional<String> as = c.newName("as", false);
        boolean asOk = !c.fields().has("as") || as.isPresent();
        as.ifPresent(c.names()::defineWithPort);
        return sock.isPresent() && asOk ? Optional.of(m -> new Step.Accept(m, sock.get(), as)) : Optional.empty();
    }
}
