package uz.suhbat.domain.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How repeated attempts of one key (an account, a client address, a device) are slowed down: up to
 * {@code freeAttempts} within {@code window} (counted from the window's first attempt) are free;
 * after that each attempt must wait a penalty after the last one that doubles, capped at
 * {@code maxPenalty}, so guessing is slow but nobody is locked out for long.
 */
public record ThrottlePolicy(int freeAttempts, Duration window, Duration basePenalty, Duration maxPenalty) {

    public ThrottlePolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(basePenalty, "basePenalty");
        Objects.requireNonNull(maxPenalty, "maxPenalty");
        if (freeAttempts < 0) {
            throw new IllegalArgumentException("freeAttempts < 0");
        }
    }

    /** The attempts of one key so far: how many since {@code windowStart}, and when the last was. */
    public record Attempts(int count, Instant windowStart, Instant last) {
    }

    /** The attempts that still count at {@code now}: none once the window has passed. */
    public Attempts current(Attempts attempts, Instant now) {
        if (attempts == null || !attempts.windowStart().plus(window).isAfter(now)) {
            return new Attempts(0, now, now);
        }
        return attempts;
    }

    /** Zero when one more attempt may be made at {@code now}, otherwise how long it must wait. */
    public Duration waitAt(Attempts attempts, Instant now) {
        Attempts counted = current(attempts, now);
        int over = counted.count() - freeAttempts;
        if (over < 0) {
            return Duration.ZERO;
        }
        Duration penalty = basePenalty.multipliedBy(1L << Math.min(over, 20));
        if (penalty.compareTo(maxPenalty) > 0) {
            penalty = maxPenalty;
        }
        Instant allowedAt = counted.last().plus(penalty);
        return allowedAt.isAfter(now) ? Duration.between(now, allowedAt) : Duration.ZERO;
    }

    /** The attempts after one more at {@code now}. */
    public Attempts plusOne(Attempts attempts, Instant now) {
        Attempts counted = current(attempts, now);
        return new Attempts(counted.count() + 1, counted.windowStart(), now);
    }

    /** When a key's row may be forgotten: its window is over and no penalty it could carry is still running. */
    public Instant forgettableAt(Attempts attempts) {
        Instant windowEnd = attempts.windowStart().plus(window);
        Instant penaltyEnd = attempts.last().plus(maxPenalty);
        return windowEnd.isAfter(penaltyEnd) ? windowEnd : penaltyEnd;
    }
}
