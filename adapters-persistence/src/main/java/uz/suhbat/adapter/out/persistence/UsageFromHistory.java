package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT;
import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_HISTORY;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Daily numbers computed from the raw rows, as GROUP BY queries. They range-scan
 * {@code ix_chat_history_stats} (date, role, chat_id, model, tokens), which holds every column they
 * read, and join {@code chat} by primary key only where the user or the chat's model is needed; no
 * message text is read and no row reaches Java except one per day (and model). What the statistics computed
 * before the counters of {@link UsageCounts} (V170) and what the V50 and V170 back-fills compute; kept as the reference the
 * tests and benchmarks compare the counters with.
 */
final class UsageFromHistory {

    private static final Field<LocalDate> DAY = DSL.cast(CHAT_HISTORY.DATE, SQLDataType.LOCALDATE).as("day");
    private static final Condition WRITTEN_BY_USER = CHAT_HISTORY.ROLE.eq("user");
    private static final Condition ANSWER = CHAT_HISTORY.ROLE.eq("assistant");

    private final DSLContext db;

    UsageFromHistory(DSLContext db) {
        this.db = db;
    }

    /** Every day from {@code from} to {@code to} (both included), days without use as zeros, in date order. */
    TreeMap<LocalDate, UsageDay> days(LocalDate from, LocalDate to) {
        LocalDateTime start = from.atStartOfDay();
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        Condition inRange = CHAT_HISTORY.DATE.ge(start).and(CHAT_HISTORY.DATE.lt(end));
        Map<LocalDate, ? extends Record> messages = db.select(DAY, DSL.count().filterWhere(WRITTEN_BY_USER),
                        DSL.count().filterWhere(ANSWER), DSL.sum(CHAT_HISTORY.INPUT_TOKENS), DSL.sum(CHAT_HISTORY.OUTPUT_TOKENS))
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
        Map<LocalDate, Map<String, UsageDay.ModelUse>> byModel = new HashMap<>();
        db.select(DAY, model, DSL.count(), DSL.sum(CHAT_HISTORY.INPUT_TOKENS), DSL.sum(CHAT_HISTORY.OUTPUT_TOKENS))
                .from(CHAT_HISTORY).straightJoin(CHAT).on(CHAT.ID.eq(CHAT_HISTORY.CHAT_ID))
                .where(inRange).and(ANSWER)
                .groupBy(DAY, model)
                .forEach(r -> byModel.computeIfAbsent(r.get(DAY), d -> new TreeMap<>()).put(r.get(model),
                        new UsageDay.ModelUse(r.get(2, Long.class), orZero(r.get(3, BigDecimal.class)), orZero(r.get(4, BigDecimal.class)))));
        Field<LocalDate> registered = DSL.cast(USER.DATE, SQLDataType.LOCALDATE).as("day");
        Map<LocalDate, Long> newUsers = new HashMap<>();
        db.select(registered, DSL.count())
                .from(USER)
                .where(USER.DATE.ge(start).and(USER.DATE.lt(end)))
                .groupBy(registered)
                .forEach(r -> newUsers.put(r.get(registered), r.get(1, Long.class)));
        Field<LocalDate> created = DSL.cast(CHAT.DATE, SQLDataType.LOCALDATE).as("day");
        Map<LocalDate, Long> newChats = new HashMap<>();
        db.select(created, DSL.count())
                .from(CHAT)
                .where(CHAT.DATE.ge(start).and(CHAT.DATE.lt(end)))
                .groupBy(created)
                .forEach(r -> newChats.put(r.get(created), r.get(1, Long.class)));

        Map<LocalDate, long[]> feedback = new HashMap<>();
        db.fetch("select cast(date as date) as day, coalesce(sum(rating > 0), 0) as up, coalesce(sum(rating < 0), 0) as down "
                        + "from message_feedback where date >= ? and date < ? group by cast(date as date)", start, end)
                .forEach(r -> feedback.put(r.get("day", LocalDate.class), new long[] {r.get("up", Long.class), r.get("down", Long.class)}));

        TreeMap<LocalDate, UsageDay> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long[] ratings = feedback.getOrDefault(day, new long[2]);
            Record m = messages.get(day);
            days.put(day, new UsageDay(day, m == null ? 0 : m.get(1, Long.class), m == null ? 0 : m.get(2, Long.class),
                    activeUsers.getOrDefault(day, 0L), newUsers.getOrDefault(day, 0L), newChats.getOrDefault(day, 0L),
                    m == null ? 0 : orZero(m.get(3, BigDecimal.class)), m == null ? 0 : orZero(m.get(4, BigDecimal.class)),
                    byModel.getOrDefault(day, Map.of()), ratings[0], ratings[1]));
        }
        return days;
    }

    private static long orZero(BigDecimal sum) {
        return sum == null ? 0 : sum.longValue();
    }
}
