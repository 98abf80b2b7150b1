package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT;
import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_HISTORY;
import static uz.suhbat.adapter.out.persistence.schema.Tables.MODEL;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import uz.suhbat.application.port.out.admin.UsageStatsPort;
import uz.suhbat.domain.report.DailyUsage;
import uz.suhbat.domain.report.DateRange;
import uz.suhbat.domain.report.UsageTotals;

/**
 * Statistics as GROUP BY queries. The daily ones range-scan {@code ix_chat_history_stats}
 * (date, role, chat_id, model, tokens), which holds every column they read, and join {@code chat}
 * by primary key only where the user or the chat's model is needed; no message text is read and
 * no row reaches Java except one per day (and model). Timings: docs/benchmarks-admin.md.
 */
final class JooqUsageStats implements UsageStatsPort {

    private static final Field<LocalDate> DAY = DSL.cast(CHAT_HISTORY.DATE, SQLDataType.LOCALDATE).as("day");
    private static final Condition WRITTEN_BY_USER = CHAT_HISTORY.ROLE.eq("user");
    private static final Condition ANSWER = CHAT_HISTORY.ROLE.eq("assistant");

    private final DSLContext db;

    JooqUsageStats(DSLContext db) {
        this.db = db;
    }

    @Override
    public UsageTotals totals() {
        Record users = db.select(DSL.count(), DSL.count().filterWhere(USER.EMAIL_VERIFIED.isTrue()),
                DSL.count().filterWhere(USER.BLOCKED.isTrue())).from(USER).fetchSingle();
        Record messages = db.select(DSL.count().filterWhere(WRITTEN_BY_USER), DSL.count().filterWhere(ANSWER),
                DSL.sum(CHAT_HISTORY.INPUT_TOKENS), DSL.sum(CHAT_HISTORY.OUTPUT_TOKENS)).from(CHAT_HISTORY).fetchSingle();
        return new UsageTotals(users.get(0, Long.class), users.get(1, Long.class), users.get(2, Long.class),
                db.fetchCount(CHAT), messages.get(0, Long.class), messages.get(1, Long.class),
                orZero(messages.get(2, BigDecimal.class)), orZero(messages.get(3, BigDecimal.class)), db.fetchCount(MODEL));
    }

    @Override
    public List<DailyUsage> daily(DateRange range) {
        Condition inRange = CHAT_HISTORY.DATE.ge(start(range)).and(CHAT_HISTORY.DATE.lt(end(range)));
        Map<LocalDate, ? extends Record> messages = db.select(DAY, DSL.count().filterWhere(WRITTEN_BY_USER),
                        DSL.sum(CHAT_HISTORY.INPUT_TOKENS), DSL.sum(CHAT_HISTORY.OUTPUT_TOKENS))
                .from(CHAT_HISTORY)
                .where(inRange)
                .groupBy(DAY)
                .fetchMap(DAY);
        // STRAIGHT_JOIN: read the index range first, then each chat by key; left to itself the optimizer
        // may start from chat and fetch every message row of every chat (seconds instead of milliseconds)
        Map<LocalDate, Long> activeUsers = new HashMap<>();
        db.select(DAY, DSL.countDistinct(CHAT.USER_ID))
                .from(CHAT_HISTORY).straightJoin(CHAT).on(CHAT.ID.eq(CHAT_HISTORY.CHAT_ID))
                .where(inRange).and(WRITTEN_BY_USER)
                .groupBy(DAY)
                .forEach(r -> activeUsers.put(r.get(DAY), r.get(1, Long.class)));
        Field<String> model = DSL.coalesce(CHAT_HISTORY.MODEL, CHAT.MODEL).as("answer_model");
        Map<LocalDate, Map<String, Long>> byModel = new HashMap<>();
        db.select(DAY, model, DSL.count())
                .from(CHAT_HISTORY).straightJoin(CHAT).on(CHAT.ID.eq(CHAT_HISTORY.CHAT_ID))
                .where(inRange).and(ANSWER)
                .groupBy(DAY, model)
                .forEach(r -> byModel.computeIfAbsent(r.get(DAY), d -> new TreeMap<>()).put(r.get(model), r.get(2, Long.class)));
        Field<LocalDate> registered = DSL.cast(USER.DATE, SQLDataType.LOCALDATE).as("day");
        Map<LocalDate, Long> newUsers = new HashMap<>();
        db.select(registered, DSL.count())
                .from(USER)
                .where(USER.DATE.ge(start(range)).and(USER.DATE.lt(end(range))))
                .groupBy(registered)
                .forEach(r -> newUsers.put(r.get(registered), r.get(1, Long.class)));

        TreeSet<LocalDate> days = new TreeSet<>(messages.keySet());
        days.addAll(newUsers.keySet());
        List<DailyUsage> daily = new ArrayList<>(days.size());
        for (LocalDate day : days) {
            Record m = messages.get(day);
            daily.add(m == null
                    ? new DailyUsage(day, 0, 0, newUsers.get(day), 0, 0, Map.of())
                    : new DailyUsage(day, m.get(1, Long.class), activeUsers.getOrDefault(day, 0L), newUsers.getOrDefault(day, 0L),
                            orZero(m.get(2, BigDecimal.class)), orZero(m.get(3, BigDecimal.class)), byModel.getOrDefault(day, Map.of())));
        }
        return daily;
    }

    private static LocalDateTime start(DateRange range) {
        return range.from().atStartOfDay();
    }

    private static LocalDateTime end(DateRange range) {
        return range.to().plusDays(1).atStartOfDay();
    }

    private static long orZero(BigDecimal sum) {
        return sum == null ? 0 : sum.longValue();
    }
}
