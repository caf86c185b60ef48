package org.reuselab.core.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the format allows for one op: its own fields, an example for hints, the check keys its
 * {@code expect} object may hold, and whether it is a call (so "ok"/errno can be expected).
 */
record OpSpec(String op, List<String> fields, String example, List<String> checks, boolean call) {

    static final List<String> COUNTED = List.of("established", "reset", "by", "spread", "among");

    static final List<OpSpec> ALL = List.of(
            call("socket", List.of("sock", "family", "uid", "opts"),
                    "\"sock\": \"s1\", \"opts\": {\"SO_REUSEADDR\": 1}"),
            call("setsockopt", List.of("sock", "opt", "value"),
                    "\"sock\": \"s1\", \"opt\": \"SO_REUSEPORT\", \"value\": 1"),
            call("bind", List.of("sock", "addr", "sockaddr"), "\"sock\": \"s1\", \"addr\": \"0.0.0.0:8080\"", "port"),
            call("listen", List.of("sock", "backlog"), "\"sock\": \"s1\", \"backlog\": 128", "port"),
            call("connect", List.of("sock", "to", "count", "timeoutMs"), "\"sock\": \"c\", \"to\": \"10.0.0.1:8080\"",
                    "port"),
            call("accept", List.of("sock", "as"), "\"sock\": \"s1\", \"as\": \"c1\"", "peer"),
            call("accept_all", List.of("sock"), "\"sock\": \"s1\"", "count"),
            call("write", List.of("sock", "bytes"), "\"sock\": \"c\", \"bytes\": 100"),
            call("info", List.of("sock"), "\"sock\": \"s1\"", "state", "local", "peer"),
            call("serve", List.of("sock", "serve", "close"), "\"sock\": \"s1\""),
            call("close", List.of("sock"), "\"sock\": \"s1\""),
            call("shutdown", List.of("sock", "how"), "\"sock\": \"c\", \"how\": \"wr\""),
            event("send", List.of("from", "to", "flags", "payload", "seq", "ack"),
                    "\"from\": \"10.0.0.2:40000\", \"to\": \"10.0.0.1:8080\", \"flags\": \"S\"", List.of("reply")),
            event("handshake", List.of("from", "to", "count"), "\"from\": \"10.0.0.2:40000-40009\", \"to\": \"10.0.0.1:8080\"",
                    COUNTED),
            event("advance", List.of("ms"), "\"ms\": 1000", List.of("reply")),
            call("sysctl", List.of("name", "value"), "\"name\": \"net.ipv4.tcp_migrate_req\", \"value\": 1"),
            event("dump", List.of(), "", List.of()),
            call("fchown", List.of("sock", "uid"), "\"sock\": \"s1\", \"uid\": 1000"),
            call("getsockopt", List.of("sock", "opt"), "\"sock\": \"s1\", \"opt\": \"SO_REUSEPORT\"", "value"));

    static final List<String> NAMES = ALL.stream().map(OpSpec::op).toList();

    /** Every key any step may check, for telling "unknown key" from "not on this op". */
    static final List<String> ALL_CHECKS = List.of("port", "peer", "local", "state", "reply", "established", "reset",
            "by", "spread", "among", "count", "value");

    private static OpSpec call(String op, List<String> fields, String example, String... checks) {
        return new OpSpec(op, fields, example, List.of(checks), true);
    }

    private static OpSpec event(String op, List<String> fields, String example, List<String> checks) {
        return new OpSpec(op, fields, example, checks, false);
    }

    static Optional<OpSpec> byName(String op) {
        for (OpSpec s : ALL) {
            if (s.op.equals(op)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** "a bind step", "an accept step". */
    String what() {
        return ("aeiou".indexOf(op.charAt(0)) >= 0 ? "an " : "a ") + op + " step";
    }

    /** Every field a step of this op may have, in the order hints list them. */
    List<String> known() {
        List<String> all = new ArrayList<>();
        all.add("op");
        all.addAll(fields);
        all.add("expect");
        all.add("note");
        return all;
    }

    String exampleObject() {
        return "{\"op\": \"" + op + "\"" + (example.isEmpty() ? "" : ", " + example) + "}";
    }
}
