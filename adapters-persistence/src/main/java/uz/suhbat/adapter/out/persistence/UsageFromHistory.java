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
 * message text is read and no row reaches Java except one per day (and model). Used for the days that
 * are still open and, once, for each closed day that {@link JooqUsageStats} has not rolled up yet.
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

    /**
     * The days from {@code from} on that have some use (normally today, and yesterday for the grace minutes),
     * in one statement: messages, answers and tokens per day, role and model, with the distinct writers of
     * each day's messages; new users, new chats and ratings per day. For the live part of every dashboard view.
     */
    TreeMap<LocalDate, UsageDay> openDays(LocalDate from) {
        LocalDateTime start = from.atStartOfDay();
        // STRAIGHT_JOIN as in days(): the date range of the index first, then each chat by key
        var rows = db.fetch("""
                select 'h' as kind, cast(h.date as date) as day, h.role as role,
                       case when h.role = 'assistant' then coalesce(h.model, c.model) end as model,
                       count(*) as n, coalesce(sum(h.input_tokens), 0) as input_tokens,
                       coalesce(sum(h.output_tokens), 0) as output_tokens, count(distinct c.user_id) as writers
                from chat_history h straight_join chat c on c.id = h.chat_id
                where h.date >= ?
                group by cast(h.date as date), h.role, case when h.role = 'assistant' then coalesce(h.model, c.model) end
                union all
                select 'u', cast(u.date as date), null, null, count(*), 0, 0, 0 from `user` u where u.date >= ? group by cast(u.date as date)
                union all
                select 'c', cast(c.date as date), null, null, count(*), 0, 0, 0 from chat c where c.date >= ? group by cast(c.date as date)
                union all
                select 'f', cast(f.date as date), null, null, count(*), coalesce(sum(f.rating > 0), 0), coalesce(sum(f.rating < 0), 0), 0
                from message_feedback f where f.date >= ? group by cast(f.date as date)""",
                start, start, start, start);
        Map<LocalDate, long[]> numbers = new TreeMap<>();
        Map<LocalDate, Map<String, UsageDay.ModelUse>> byModel = new HashMap<>();
        for (Record r : rows) {
            LocalDate day = r.get("day", LocalDate.class);
            long n = r.get("n", Long.class);
            long input = r.get("input_tokens", Long.class);
            long output = r.get("output_tokens", Long.class);
            // messages, answers, active users, new users, new chats, input tokens, output tokens, thumbs up, thumbs down
            long[] d = numbers.computeIfAbsent(day, x -> new long[9]);
            switch (r.get("kind", String.class)) {
                case "u" -> d[3] += n;
                case "c" -> d[4] += n;
                case "f" -> {
                    // the ratings' branch carries thumbs up and down in the token columns
                    d[7] += input;
                    d[8] += output;
                }
                default -> {
                    String role = r.get("role", String.class);
                    if ("user".equals(role)) {
                        d[0] += n;
                        d[2] += r.get("writers", Long.class);
                    } else if ("assistant".equals(role)) {
                        d[1] += n;
                        String model = r.get("model", String.class);
                        byModel.computeIfAbsent(day, x -> new TreeMap<>()).merge(model, new UsageDay.ModelUse(n, input, output),
                                (a, b) -> new UsageDay.ModelUse(a.answers() + b.answers(), a.inputTokens() + b.inputTokens(),
                                        a.outputTokens() + b.outputTokens()));
                    }
                    d[5] += input;
                    d[6] += output;
                }
            }
        }
        TreeMap<LocalDate, UsageDay> days = new TreeMap<>();
        numbers.forEach((day, d) -> days.put(day, new UsageDay(day, d[0], d[1], d[2], d[3], d[4], d[5], d[6],
                byModel.getOrDefault(day, Map.of()), d[7], d[8])));
        return days;
    }

    private static long orZero(BigDecimal sum) {
        return sum == null ? 0 : sum.longValue();
    }
}
