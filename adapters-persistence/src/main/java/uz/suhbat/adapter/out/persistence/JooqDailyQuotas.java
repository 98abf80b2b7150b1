package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.SETTING;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER_DAILY_USAGE;

import java.time.LocalDate;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.impl.DSL;
import uz.suhbat.application.port.out.limit.DailyQuotaPort;
import uz.suhbat.domain.limit.DailyQuota;

/**
 * Counts in {@code user_daily_usage}, one row per user and day. A count is a single conditional
 * UPDATE, so two messages racing for the last one cannot both get it.
 */
final class JooqDailyQuotas implements DailyQuotaPort {

    private final DSLContext db;

    JooqDailyQuotas(DSLContext db) {
        this.db = db;
    }

    /** The quota in force for a row of {@code user}: its own, else the stored default (a subquery of {@code setting}). */
    static Field<String> quotaInForce() {
        return DSL.coalesce(USER.DAILY_QUOTA.cast(String.class),
                DSL.field(DSL.select(SETTING.VALUE).from(SETTING).where(SETTING.NAME.eq(JooqLimitSettingsRepository.DEFAULT_DAILY_QUOTA))));
    }

    /** One query: the user's own quota, else the default. */
    @Override
    public Optional<DailyQuota> quotaOf(long userId) {
        return db.select(quotaInForce())
                .from(USER).where(USER.ID.eq(userId))
                .fetchOptional().map(Record1::value1)
                .flatMap(JooqLimitSettingsRepository::quota);
    }

    @Override
    public boolean tryCount(long userId, LocalDate day, DailyQuota quota) {
        db.insertInto(USER_DAILY_USAGE)
                .set(USER_DAILY_USAGE.USER_ID, userId).set(USER_DAILY_USAGE.DAY, day).set(USER_DAILY_USAGE.MESSAGES, 0)
                .onDuplicateKeyIgnore()
                .execute();
        return db.update(USER_DAILY_USAGE)
                .set(USER_DAILY_USAGE.MESSAGES, USER_DAILY_USAGE.MESSAGES.plus(1))
                .where(USER_DAILY_USAGE.USER_ID.eq(userId), USER_DAILY_USAGE.DAY.eq(day),
                        USER_DAILY_USAGE.MESSAGES.lt(quota.value()))
                .execute() == 1;
    }

    @Override
    public void uncount(long userId, LocalDate day) {
        db.update(USER_DAILY_USAGE)
                .set(USER_DAILY_USAGE.MESSAGES, USER_DAILY_USAGE.MESSAGES.minus(1))
                .where(USER_DAILY_USAGE.USER_ID.eq(userId), USER_DAILY_USAGE.DAY.eq(day), USER_DAILY_USAGE.MESSAGES.gt(0))
                .execute();
    }

    @Override
    public int counted(long userId, LocalDate day) {
        return db.select(USER_DAILY_USAGE.MESSAGES).from(USER_DAILY_USAGE)
                .where(USER_DAILY_USAGE.USER_ID.eq(userId), USER_DAILY_USAGE.DAY.eq(day))
                .fetchOptional(USER_DAILY_USAGE.MESSAGES)
                .orElse(0);
    }
}
