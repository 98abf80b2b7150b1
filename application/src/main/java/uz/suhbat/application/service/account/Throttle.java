package uz.suhbat.application.service.account;

import java.time.Clock;
import java.time.Duration;
import uz.suhbat.application.port.out.security.ThrottleRepository;
import uz.suhbat.domain.limit.ThrottlePolicy;

/**
 * Slows down repeated attempts per key (an account, an address, a device) by a {@link ThrottlePolicy}.
 * The counters live in the database ({@link ThrottleRepository}), shared by every node, under a
 * hash of scope and key: no e-mail address or client address is stored as such.
 */
public final class Throttle {

    private final ThrottleRepository store;
    private final String scope;
    private final ThrottlePolicy policy;
    private final Clock clock;

    public Throttle(ThrottleRepository store, String scope, ThrottlePolicy policy, Clock clock) {
        this.store = store;
        this.scope = scope;
        this.policy = policy;
        this.clock = clock;
    }

    public Throttle(ThrottleRepository store, String scope, int freeAttempts, Duration window, Duration basePenalty, Duration maxPenalty,
                    Clock clock) {
        this(store, scope, new ThrottlePolicy(freeAttempts, window, basePenalty, maxPenalty), clock);
    }

    /** Atomically: zero and the attempt counted, or how long to wait (nothing counted). */
    public Duration acquire(String key) {
        return store.acquire(keyOf(key), policy, clock.instant());
    }

    /** Zero when the key may try now, otherwise how long it must wait. */
    public Duration waitFor(String key) {
        return store.find(keyOf(key)).map(attempts -> policy.waitAt(attempts, clock.instant())).orElse(Duration.ZERO);
    }

    public void record(String key) {
        store.record(keyOf(key), policy, clock.instant());
    }

    /** Takes back an attempt counted by {@link #acquire} that turned out to be good. */
    public void release(String key) {
        store.release(keyOf(key));
    }

    public void reset(String key) {
        store.clear(keyOf(key));
    }

    private String keyOf(String key) {
        return SecretTokens.hash(scope + ":" + key);
    }
}
