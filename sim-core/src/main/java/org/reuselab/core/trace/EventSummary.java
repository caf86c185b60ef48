package org.reuselab.core.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A step's events counted per kind (a summary trace), in the order each kind first occurred. */
public final class EventSummary {

    private final Map<Event.Kind, long[]> counts = new LinkedHashMap<>();

    public void add(Event e) {
        counts.computeIfAbsent(Event.kindOf(e), k -> new long[1])[0]++;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The counts as events, and a fresh start. */
    public List<Event> drain() {
        List<Event> out = new ArrayList<>(counts.size());
        counts.forEach((k, n) -> out.add(new Event.Counted(k.text(), n[0], k.rule())));
        counts.clear();
        return out;
    }

    public static List<Event> of(List<Event> events) {
        EventSummary s = new EventSummary();
        events.forEach(s::add);
        return s.drain();
    }
}
