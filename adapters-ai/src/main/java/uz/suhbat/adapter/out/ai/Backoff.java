package uz.suhbat.adapter.out.ai;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before the next attempt: the server's {@code Retry-After} when it sent one, otherwise
 * exponential from {@code initial} with jitter so that clients refused together do not come back
 * together; never longer than {@code max}.
 */
record Backoff(Duration initial, Duration max) {

    Duration before(int nextAttempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return min(retryAfter.get(), max);
        }
        long ceiling = min(initial.multipliedBy(1L << Math.min(nextAttempt - 2, 20)), max).toMillis();
        // "equal jitter": at least half the exponential wait, so the backoff still grows
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
