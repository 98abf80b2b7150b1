package uz.suhbat.application.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uz.suhbat.application.port.out.security.ThrottleRepository;
import uz.suhbat.domain.limit.ThrottlePolicy;
import uz.suhbat.domain.limit.ThrottlePolicy.Attempts;

public final class InMemoryThrottleRepository implements ThrottleRepository {

    private record Row(Attempts attempts, Instant forgettableAt) {
    }

    private final Map<String, Row> rows = new HashMap<>();

    @Override
    public synchronized Duration acquire(String key, ThrottlePolicy policy, Instant now) {
        Row row = rows.get(key);
        Duration wait = policy.waitAt(row == null ? null : row.attempts(), now);
        if (wait.isZero()) {
            record(key, policy, now);
        }
        return wait;
    }

    @Override
    public synchronized void record(String key, ThrottlePolicy policy, Instant now) {
        Row row = rows.get(key);
        Attempts next = policy.plusOne(row == null ? null : row.attempts(), now);
        rows.put(key, new Row(next, policy.forgettableAt(next)));
    }

    @Override
    public synchronized Optional<Attempts> find(String key) {
        return Optional.ofNullable(rows.get(key)).map(Row::attempts);
    }

    @Override
    public synchronized void release(String key) {
        rows.computeIfPresent(key, (k, row) -> new Row(new Attempts(Math.max(0, row.attempts().count() - 1), row.attempts().windowStart(),
                row.attempts().last()), row.forgettableAt()));
    }

    @Override
    public synchronized void clear(String key) {
        rows.remove(key);
    }

    @Override
    public synchronized int deleteForgettable(Instant now) {
        int before = rows.size();
        rows.values().removeIf(row -> !row.forgettableAt().isAfter(now));
        return before - rows.size();
    }

    public synchronized int size() {
        return rows.size();
    }
}
