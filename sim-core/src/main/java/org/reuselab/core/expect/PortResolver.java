package org.reuselab.core.expect;

import java.util.OptionalInt;

/** Answers what {@code $name} stands for when an expectation is checked. */
@FunctionalInterface
public interface PortResolver {
    OptionalInt portOf(String socket);
}
