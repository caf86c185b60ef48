package org.reuselab.core.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.model.Rule;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.TcpState;

/** The JSON form of a trace, with fixed key order, and its reader (a trace round-trips). */
public final class TraceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TraceJson() {
    }

    public static String format(Trace t) {
        try {
            return MAPPER.writeValueAsString(toNode(t)).replace("\r\n", "\n") + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("trace could not be written as JSON", e);
        }
    }

    public static ObjectNode toNode(Trace t) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", t.scenario());
        root.put("file", t.file());
        root.put("host", t.host());
        root.put("kernel", t.kernel());
        root.put("seed", t.seed());
        t.cost().ifPresent(c -> root.putObject("kernelCost").put("portChecks", c.portChecks())
                .put("ownersWalked", c.ownersWalked()).put("mostOwnersWalked", c.mostOwnersWalked()));
        ArrayNode steps = root.putArray("steps");
        for (TraceEntry e : t.entries()) {
            steps.add(entry(e));
        }
        root.put("passed", t.passedChecks());
        root.put("failed", t.failedChecks());
        return root;
    }

    private static ObjectNode entry(TraceEntry e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("step", e.step());
        n.put("call", e.call());
        n.set("outcome", outcome(e.outcome()));
        e.why().ifPresent(w -> {
            ObjectNode why = n.putObject("why");
            why.put("rule", w.rule().name());
            why.put("text", w.rule().text());
            why.put("kernel", w.rule().kernelSource());
            w.against().ifPresent(a -> why.put("against", a));
        });
        ArrayNode events = n.putArray("events");
        for (Event ev : e.events()) {
            events.add(EventJson.toNode(ev, MAPPER));
        }
        ArrayNode checks = n.putArray("checks");
        for (CheckResult c : e.checks()) {
            ObjectNode cn = checks.addObject();
            cn.put("expected", c.expected());
            cn.put("passed", c.passed());
            cn.put("actual", c.actual());
        }
        return n;
    }

    private static ObjectNode outcome(Outcome o) {
        ObjectNode n = MAPPER.createObjectNode();
        switch (o) {
            case Outcome.Ok ok -> {
                n.put("type", "ok");
                ok.local().ifPresent(l -> n.put("local", l.toString()));
            }
            case Outcome.Failed f -> n.put("type", "failed").put("errno", f.errno().name());
            case Outcome.Value v -> n.put("type", "value").put("value", v.value());
            case Outcome.Info i -> {
                n.put("type", "info").put("state", i.state().name()).put("local", i.local().toString());
                i.peer().ifPresent(p -> n.put("peer", p.toString()));
            }
            case Outcome.Dump d -> {
                n.put("type", "dump");
                ArrayNode lines = n.putArray("lines");
                d.lines().forEach(lines::add);
            }
            case Outcome.NotModelled m -> n.put("type", "not-modelled").put("op", m.op());
            case Outcome.Replies r -> {
                n.put("type", "replies");
                ArrayNode flags = n.putArray("flags");
                r.flags().forEach(flags::add);
            }
            case Outcome.Connections c -> {
                n.put("type", "connections");
                ArrayNode conns = n.putArray("conns");
                for (Outcome.Conn conn : c.conns()) {
                    ObjectNode cn = conns.addObject().put("who", conn.who()).put("result", conn.result());
                    conn.local().ifPresent(l -> cn.put("local", l.toString()));
                    conn.listener().ifPresent(l -> cn.put("listener", l));
                }
            }
            case Outcome.Tally t -> {
                n.put("type", "tally");
                ObjectNode results = n.putObject("results");
                t.results().forEach(results::put);
                ObjectNode by = n.putObject("by");
                t.byListener().forEach(by::put);
            }
            case Outcome.Accepted a -> {
                n.put("type", "accepted");
                ArrayNode children = n.putArray("children");
                a.children().forEach(ch -> children.addObject().put("name", ch.name()).put("peer", ch.peer().toString()));
            }
        }
        return n;
    }

    /** Reads a trace written by {@link #format}. */
    public static Trace parse(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            List<TraceEntry> entries = new ArrayList<>();
            for (JsonNode e : root.get("steps")) {
                entries.add(parseEntry(e));
            }
            return new Trace(root.get("scenario").asText(), root.get("file").asText(), root.get("host").asText(),
                    root.get("kernel").asText(), root.get("seed").asLong(), entries,
                    Optional.ofNullable(root.get("kernelCost")).map(c -> new KernelCost(c.get("portChecks").asLong(),
                            c.get("ownersWalked").asLong(), c.get("mostOwnersWalked").asLong())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a trace: " + e.getOriginalMessage(), e);
        }
    }

    private static TraceEntry parseEntry(JsonNode e) {
        Optional<Why> why = Optional.empty();
        if (e.has("why")) {
            JsonNode w = e.get("why");
            why = Optional.of(new Why(Rule.valueOf(w.get("rule").asText()),
                    w.has("against") ? Optional.of(w.get("against").asText()) : Optional.empty()));
        }
        List<Event> events = new ArrayList<>();
        for (JsonNode ev : e.get("events")) {
            events.add(EventJson.parse(ev));
        }
        List<CheckResult> checks = new ArrayList<>();
        for (JsonNode c : e.get("checks")) {
            checks.add(new CheckResult(c.get("expected").asText(), c.get("passed").asBoolean(), c.get("actual").asText()));
        }
        return new TraceEntry(e.get("step").asInt(), e.get("call").asText(), parseOutcome(e.get("outcome")), why,
                events, checks);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static java.util.SortedMap<String, Long> counts(JsonNode object) {
        java.util.SortedMap<String, Long> out = new java.util.TreeMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    private static Outcome parseOutcome(JsonNode n) {
        return switch (n.get("type").asText()) {
            case "ok" -> new Outcome.Ok(n.has("local") ? Optional.of(Endpoint.parse(n.get("local").asText()))
                    : Optional.empty());
            case "failed" -> new Outcome.Failed(Errno.valueOf(n.get("errno").asText()));
            case "value" -> new Outcome.Value(n.get("value").asLong());
            case "info" -> new Outcome.Info(TcpState.valueOf(n.get("state").asText()),
                    Endpoint.parse(n.get("local").asText()),
                    n.has("peer") ? Optional.of(Endpoint.parse(n.get("peer").asText())) : Optional.empty());
            case "dump" -> {
                List<String> lines = new ArrayList<>();
                n.get("lines").forEach(l -> lines.add(l.asText()));
                yield new Outcome.Dump(lines);
            }
            case "not-modelled" -> new Outcome.NotModelled(n.get("op").asText());
            case "replies" -> new Outcome.Replies(texts(n.get("flags")));
            case "connections" -> {
                List<Outcome.Conn> conns = new ArrayList<>();
                for (JsonNode c : n.get("conns")) {
                    conns.add(new Outcome.Conn(c.get("who").asText(), c.get("result").asText(),
                            c.has("local") ? Optional.of(Endpoint.parse(c.get("local").asText())) : Optional.empty(),
                            c.has("listener") ? Optional.of(c.get("listener").asText()) : Optional.empty()));
                }
                yield new Outcome.Connections(conns);
            }
            case "tally" -> new Outcome.Tally(counts(n.get("results")), counts(n.get("by")));
            case "accepted" -> {
                List<Outcome.Child> children = new ArrayList<>();
                for (JsonNode c : n.get("children")) {
                    children.add(new Outcome.Child(c.get("name").asText(), Endpoint.parse(c.get("peer").asText())));
                }
                yield new Outcome.Accepted(children);
            }
            default -> throw new IllegalArgumentException("unknown outcome type " + n.get("type"));
        };
    }
}
