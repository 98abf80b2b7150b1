package uz.suhbat.application.service.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down repeated attempts per key (an account, an address). Up to {@code freeAttempts}
 * within {@code window} are free; after that each attempt must wait a penalty that doubles,
 * capped at {@code maxPenalty}, so an attacker is slowed hard but a real user is never locked out for long.
 * Kept in memory: one Suhbat instance serves one school or company.
 */
public final class Throttle {

    private final int freeAttempts;
    private final Duration window;
    private final Duration basePenalty;
    private final Duration maxPenalty;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    public Throttle(int freeAttempts, Duration window, Duration basePenalty, Duration maxPenalty, Clock clock) {
        this.freeAttempts = freeAttempts;
        this.window = window;
        this.basePenalty = basePenalty;
        this.maxPenalty = maxPenalty;
        this.clock = clock;
    }

    /** Zero when the key may try now, otherwise how long it must wait. */
    public Duration waitFor(String key) {
        Deque<Instant> recent = attempts.get(key);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            Instant now = clock.instant();
            prune(recent, now);
            int over = recent.size() - freeAttempts;
            if (over < 0) {
                return Duration.ZERO;
            }
            Duration penalty = basePenalty.multipliedBy(1L << Math.min(over, 20));
            if (penalty.compareTo(maxPenalty) > 0) {
                penalty = maxPenalty;
            }
            Instant allowedAt = recent.peekLast().plus(penalty);
            return allowedAt.isAfter(now) ? Duration.between(now, allowedAt) : Duration.ZERO;
        }
    }

    public void record(String key) {
        Deque<Instant> recent = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            Instant now = clock.instant();
            prune(recent, now);
            recent.addLast(now);
        }
    }

    public void reset(String key) {
        attempts.remove(key);
    }

    private void prune(Deque<Instant> recent, Instant now) {
        Instant horizon = now.minus(window);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
            recent.removeFirst();
        }
        if (attempts.size() > 100_000) {
            // bound memory under a flood of distinct keys: drop keys with no recent attempt
            attempts.entrySet().removeIf(e -> e.getValue().isEmpty());
        }
    }
}
