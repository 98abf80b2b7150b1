package uz.suhbat.application.port.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.limit.ThrottlePolicy;

/** What every {@link ThrottleRepository} must do; run against the fake and the jOOQ adapter. */
public abstract class ThrottleRepositoryContract {

    protected static final Instant NOW = Instant.parse("2026-11-26T08:00:00.500Z");
    private static final ThrottlePolicy THREE_FREE = new ThrottlePolicy(3, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(5));

    protected abstract ThrottleRepository emptyRepository();

    @Test
    void letsTheFreeAttemptsThroughThenMakesTheNextWait() {
        ThrottleRepository throttles = emptyRepository();
        String key = "k-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            assertThat(throttles.acquire(key, THREE_FREE, NOW)).isZero();
        }
        assertThat(throttles.acquire(key, THREE_FREE, NOW.plusSeconds(1))).isEqualTo(Duration.ofSeconds(29));
        assertThat(throttles.find(key)).get().extracting(ThrottlePolicy.Attempts::count).isEqualTo(3);
        assertThat(throttles.acquire(key, THREE_FREE, NOW.plusSeconds(30))).as("after the penalty").isZero();
        assertThat(throttles.acquire(key, THREE_FREE, NOW.plusSeconds(31))).as("the penalty doubles").isEqualTo(Duration.ofSeconds(59));

        throttles.release(key);
        assertThat(throttles.find(key)).get().extracting(ThrottlePolicy.Attempts::count).isEqualTo(3);
        throttles.clear(key);
        assertThat(throttles.find(key)).isEmpty();
        assertThat(throttles.acquire(key, THREE_FREE, NOW.plusSeconds(32))).isZero();
    }

    @Test
    void ofManyParallelAttemptsOnlyTheFreeOnesGetThrough() throws Exception {
        ThrottleRepository throttles = emptyRepository();
        String key = "parallel-" + System.nanoTime();
        List<Duration> waits;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<CompletableFuture<Duration>> all = IntStream.range(0, 16)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> throttles.acquire(key, THREE_FREE, NOW), pool)).toList();
            waits = all.stream().map(CompletableFuture::join).toList();
        }
        assertThat(waits.stream().filter(Duration::isZero).count()).isEqualTo(3);
    }

    @Test
    void forgetsRowsOnceTheirWindowAndPenaltyAreOver() {
        ThrottleRepository throttles = emptyRepository();
        String key = "old-" + System.nanoTime();
        throttles.record(key, THREE_FREE, NOW);
        throttles.deleteForgettable(NOW.plus(Duration.ofMinutes(10)));
        assertThat(throttles.find(key)).as("still in its window").isPresent();
        throttles.deleteForgettable(NOW.plus(Duration.ofMinutes(15)));
        assertThat(throttles.find(key)).isEmpty();
    }
}
