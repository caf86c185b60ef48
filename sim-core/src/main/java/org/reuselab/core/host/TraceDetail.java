package org.reuselab.core.host;

/** How much a trace keeps of each step: every event, or a count per kind of event (large runs). */
public enum TraceDetail {
    /** Every event with its addresses. */
    FULL,
    /** Events counted per kind and rule; nothing kept per connection or segment. */
    SUMMARY
}
