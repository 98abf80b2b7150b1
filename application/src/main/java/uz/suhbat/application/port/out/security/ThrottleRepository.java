package uz.suhbat.application.port.out.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import uz.suhbat.domain.limit.ThrottlePolicy;

/**
 * Attempt counters shared by every node (sign-in, registration, reset and verification mail), so
 * that N nodes allow as many attempts as one. Keys are opaque (hashed by the caller); rows whose
 * window and penalty are over are deleted by {@link #deleteForgettable}, so storage stays bounded.
 */
public interface ThrottleRepository {

    /**
     * One atomic step for {@code key}, also against other nodes: when {@code policy} lets one more
     * attempt through at {@code now}, records it and returns zero; otherwise records nothing and
     * returns how long to wait.
     */
    Duration acquire(String key, ThrottlePolicy policy, Instant now);

    /** Records an attempt whatever the policy says. */
    void record(String key, ThrottlePolicy policy, Instant now);

    Optional<ThrottlePolicy.Attempts> find(String key);

    /** Takes one attempt back (it turned out to be a good one). */
    void release(String key);

    /** Forgets the key's attempts. */
    void clear(String key);

    /** Deletes the rows that no longer slow anybody down; returns how many. */
    int deleteForgettable(Instant now);
}
