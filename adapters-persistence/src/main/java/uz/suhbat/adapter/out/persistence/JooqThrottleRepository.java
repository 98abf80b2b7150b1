package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.THROTTLE;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import uz.suhbat.adapter.out.persistence.schema.tables.records.ThrottleRecord;
import uz.suhbat.application.port.out.security.ThrottleRepository;
import uz.suhbat.domain.limit.ThrottlePolicy;
import uz.suhbat.domain.limit.ThrottlePolicy.Attempts;

/**
 * Attempt counters in MySQL. {@link #acquire} is one short transaction that locks the key's row
 * ({@code SELECT … FOR UPDATE} after an {@code INSERT IGNORE} of an empty one), so attempts of one
 * key on several nodes at once are counted one after the other.
 */
final class JooqThrottleRepository implements ThrottleRepository {

    private final DSLContext db;

    JooqThrottleRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public Duration acquire(String key, ThrottlePolicy policy, Instant now) {
        ensureRow(key, now);
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            ThrottleRecord row = t.selectFrom(THROTTLE).where(THROTTLE.KEY_HASH.eq(key)).forUpdate().fetchOne();
            Attempts attempts = row == null ? null : attempts(row);
            Duration wait = policy.waitAt(attempts, now);
            if (wait.isZero()) {
                write(t, key, policy.plusOne(attempts, now), policy);
            }
            return wait;
        });
    }

    @Override
    public void record(String key, ThrottlePolicy policy, Instant now) {
        ensureRow(key, now);
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            ThrottleRecord row = t.selectFrom(THROTTLE).where(THROTTLE.KEY_HASH.eq(key)).forUpdate().fetchOne();
            write(t, key, policy.plusOne(row == null ? null : attempts(row), now), policy);
        });
    }

    /**
     * An empty row for the key, in a statement of its own (autocommit) before the locking
     * transaction: an INSERT of a missing key inside two parallel transactions would deadlock.
     */
    private void ensureRow(String key, Instant now) {
        db.insertInto(THROTTLE)
                .set(THROTTLE.KEY_HASH, key)
                .set(THROTTLE.ATTEMPTS, 0)
                .set(THROTTLE.WINDOW_START, Times.toDb(now))
                .set(THROTTLE.LAST_ATTEMPT, Times.toDb(now))
                .set(THROTTLE.FORGETTABLE, Times.toDb(now.plusSeconds(60)))
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** Writes the attempts; inserts the row when the clean-up took the empty one away meanwhile. */
    private static void write(DSLContext t, String key, Attempts attempts, ThrottlePolicy policy) {
        int updated = t.update(THROTTLE)
                .set(THROTTLE.ATTEMPTS, attempts.count())
                .set(THROTTLE.WINDOW_START, Times.toDb(attempts.windowStart()))
                .set(THROTTLE.LAST_ATTEMPT, Times.toDb(attempts.last()))
                .set(THROTTLE.FORGETTABLE, Times.toDb(policy.forgettableAt(attempts)))
                .where(THROTTLE.KEY_HASH.eq(key))
                .execute();
        if (updated == 0) {
            t.insertInto(THROTTLE)
                    .set(THROTTLE.KEY_HASH, key)
                    .set(THROTTLE.ATTEMPTS, attempts.count())
                    .set(THROTTLE.WINDOW_START, Times.toDb(attempts.windowStart()))
                    .set(THROTTLE.LAST_ATTEMPT, Times.toDb(attempts.last()))
                    .set(THROTTLE.FORGETTABLE, Times.toDb(policy.forgettableAt(attempts)))
                    .onDuplicateKeyIgnore()
                    .execute();
        }
    }

    @Override
    public Optional<Attempts> find(String key) {
        return db.selectFrom(THROTTLE).where(THROTTLE.KEY_HASH.eq(key)).fetchOptional().map(JooqThrottleRepository::attempts);
    }

    @Override
    public void release(String key) {
        db.update(THROTTLE).set(THROTTLE.ATTEMPTS, THROTTLE.ATTEMPTS.minus(1))
                .where(THROTTLE.KEY_HASH.eq(key), THROTTLE.ATTEMPTS.gt(0))
                .execute();
    }

    @Override
    public void clear(String key) {
        db.deleteFrom(THROTTLE).where(THROTTLE.KEY_HASH.eq(key)).execute();
    }

    @Override
    public int deleteForgettable(Instant now) {
        return db.deleteFrom(THROTTLE).where(THROTTLE.FORGETTABLE.le(Times.toDb(now))).execute();
    }

    private static Attempts attempts(ThrottleRecord row) {
        return new Attempts(row.getAttempts(), Times.fromDb(row.getWindowStart()), Times.fromDb(row.getLastAttempt()));
    }
}
