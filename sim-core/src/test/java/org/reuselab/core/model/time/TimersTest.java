package org.reuselab.core.model.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Timers fire in (time, arming order); a cancelled one never fires and holds nothing. */
class TimersTest {

    @Test
    void cancelledTimersNeverFireAndTheRestKeepTheirOrder() {
        SplittableRandom rnd = new SplittableRandom(3);
        Timers<Integer> timers = new Timers<>();
        List<Timers.Timer<Integer>> armed = new ArrayList<>();
        List<long[]> expected = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            long at = rnd.nextInt(1, 100);
            armed.add(timers.at(at, i));
            expected.add(new long[] {at, i});
        }
        List<Integer> cancelled = new ArrayList<>();
        for (int i = 0; i < 5_000; i += 3) {
            timers.cancel(armed.get(i));
            timers.cancel(armed.get(i));
            cancelled.add(i);
        }
        assertEquals(5_000 - cancelled.size(), timers.pending());
        List<Integer> fired = new ArrayList<>();
        for (var a = timers.nextBefore(1000); a.isPresent(); a = timers.nextBefore(1000)) {
            fired.add(a.get());
        }
        List<Integer> want = expected.stream().filter(e -> e[1] % 3 != 0)
                .sorted((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]))
                .map(e -> (int) e[1]).toList();
        assertEquals(want, fired);
        assertEquals(0, timers.pending());
    }
}
