package org.reuselab.core.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/** The simulator's chooser: one L64X128MixRandom stream per kind of draw, all from one seed. */
public final class SeededChooser implements Chooser {

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY =
            RandomGeneratorFactory.of("L64X128MixRandom");

    private final long seed;
    private final Map<Draw, RandomGenerator> streams = new EnumMap<>(Draw.class);

    public SeededChooser(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    private RandomGenerator stream(Draw draw) {
        // The salt is the draw's name hash, which Java specifies exactly, so streams are stable.
        return streams.computeIfAbsent(draw, d -> FACTORY.create(seed * 0x9E3779B97F4A7C15L + d.name().hashCode()));
    }

    @Override
    public int uniform(Draw draw, int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1: " + bound);
        }
        return stream(draw).nextInt(bound);
    }

    @Override
    public int bits32(Draw draw) {
        return stream(draw).nextInt();
    }
}
