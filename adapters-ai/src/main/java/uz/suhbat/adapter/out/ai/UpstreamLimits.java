package uz.suhbat.adapter.out.ai;

import java.time.Duration;
import java.util.Objects;

/** The checks every upstream client's settings share: allowed silence, attempts before the first piece, longest wait. */
public final class UpstreamLimits {

    private UpstreamLimits() {
    }

    /** Throws when {@code timeout} is not positive, {@code maxAttempts} below 1 or {@code maxBackoff} negative. */
    public static void check(Duration timeout, int maxAttempts, Duration maxBackoff) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (maxBackoff.isNegative()) {
            throw new IllegalArgumentException("maxBackoff must not be negative");
        }
    }
}
