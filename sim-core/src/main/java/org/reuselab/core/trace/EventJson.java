package org.reuselab.core.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reuselab.core.model.Rule;
import org.reuselab.core.net.Endpoint;

/** Events in a trace's JSON form, and back. */
final class EventJson {

    private EventJson() {
    }

    static ObjectNode toNode(Event e, ObjectMapper mapper) {
        ObjectNode n = mapper.createObjectNode();
        switch (e) {
            case Event.SegmentOut s -> n.put("type", "sent").put("from", s.from().toString())
                    .put("to", s.to().toString()).put("flags", s.flags());
            case Event.Dropped d -> n.put("type", "dropped").put("from", d.from().toString())
                    .put("to", d.to().toString()).put("flags", d.flags());
            case Event.Served s -> n.put("type", "served").put("listener", s.listener()).put("child", s.child())
                    .put("peer", s.peer().toString());
            case Event.ListenerChange c -> n.put("type", "listener").put("peer", c.peer().toString())
                    .put("from", c.from()).put("to", c.to());
            case Event.TimeWait t -> n.put("type", "timewait").put("socket", t.socket()).put("local", t.local().toString())
                    .put("peer", t.peer().toString());
            case Event.Selected s -> n.put("type", "selected").put("peer", s.peer().toString())
                    .put("local", s.local().toString()).put("listener", s.listener()).put("detail", s.detail());
            case Event.Queued q -> n.put("type", "queued").put("peer", q.peer().toString()).put("listener", q.listener());
            case Event.SocketReset r -> n.put("type", "reset").put("socket", r.socket()).put("local", r.local().toString());
            case Event.Counted c -> n.put("type", "counted").put("what", c.what()).put("count", c.count());
        }
        n.put("rule", e.rule().name());
        n.put("text", e.text());
        return n;
    }

    static Event parse(JsonNode n) {
        Rule rule = Rule.valueOf(n.get("rule").asText());
        return switch (n.get("type").asText()) {
            case "sent" -> new Event.SegmentOut(ep(n, "from"), ep(n, "to"), n.get("flags").asText(), rule);
            case "dropped" -> new Event.Dropped(ep(n, "from"), ep(n, "to"), n.get("flags").asText(), rule);
            case "served" -> new Event.Served(n.get("listener").asText(), n.get("child").asText(), ep(n, "peer"), rule);
            case "listener" -> new Event.ListenerChange(ep(n, "peer"), n.get("from").asText(), n.get("to").asText(),
                    rule);
            case "timewait" -> new Event.TimeWait(n.get("socket").asText(), ep(n, "local"), ep(n, "peer"), rule);
            case "selected" -> new Event.Selected(ep(n, "peer"), ep(n, "local"), n.get("listener").asText(),
                    n.get("detail").asText(), rule);
            case "queued" -> new Event.Queued(ep(n, "peer"), n.get("listener").asText(), rule);
            case "reset" -> new Event.SocketReset(n.get("socket").asText(), ep(n, "local"), rule);
            case "counted" -> new Event.Counted(n.get("what").asText(), n.get("count").asLong(), rule);
            default -> throw new IllegalArgumentException("unknown event type " + n.get("type"));
        };
    }

    private static Endpoint ep(JsonNode n, String field) {
        return Endpoint.parse(n.get(field).asText());
    }
}
