package org.reuselab.core.expect;

import java.util.List;
import java.util.OptionalInt;

/** What expectations may ask of the host that ran the step: ports by name, and reuseport groups. */
public interface HostView {

    /** What {@code $name} stands for now. */
    OptionalInt portOf(String socket);

    /** The listening members of the reuseport group {@code listener} belongs to, in array order (or just it). */
    List<String> groupOf(String listener);
}
