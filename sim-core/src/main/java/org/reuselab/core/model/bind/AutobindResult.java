package org.reuselab.core.model.bind;

import java.util.OptionalInt;

/** The outcome of a port search: the port (empty when exhausted), why, and how many ports were tried. */
public record AutobindResult(OptionalInt port, WalkResult decided, int portsTried) {
}
