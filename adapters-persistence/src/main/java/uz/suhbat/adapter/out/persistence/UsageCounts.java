package uz.suhbat.adapter.out.persistence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Statistics counted as messages are written (migration V170), so that a dashboard view never reads the day's
 * messages. Every write of a message row calls {@link #add} (and {@link #writer} for a user's message) in the same
 * transaction as the row itself: the count commits or rolls back with it, whichever node writes, and a write that did
 * not happen is never counted. A count is an upsert that adds to the row of (day, role, model, slot), the slot being
 * the chat id modulo {@value #SLOTS}, so that concurrent chats rarely wait for one counter row. The active users of a
 * day are the rows of {@code usage_day_user}, written idempotently.
 *
 * <p>{@link #days} reads a range of days from the counters in one statement (index ranges of the two counter tables
 * and of the date indexes of users, chats and ratings): the open days of every view, and each closed day once, when
 * {@link JooqUsageStats} rolls it up. Timings: docs/benchmarks-stats-detail.md.
 */
final class UsageCounts {

    static final int SLOTS = 8;

    private UsageCounts() {
    }

    /**
     * Adds {@code messages} messages of {@code role} written at {@code at} in chat {@code chatId}, with their tokens
     * (negative numbers take a row back out, e.g. a removed message). An answer counts under its model, else its chat's.
     */
    static void add(DSLContext t, long chatId, String role, String model, LocalDateTime at, int messages, long inputTokens,
                    long outputTokens) {
        int slot = (int) Math.floorMod(chatId, (long) SLOTS);
        String update = " on duplicate key update messages = messages + ?, input_tokens = input_tokens + ?, output_tokens = output_tokens + ?";
        if ("assistant".equals(role)) {
            t.execute("insert into usage_count (day, role, model, slot, messages, input_tokens, output_tokens) "
                            + "values (?, ?, coalesce(?, (select c.model from chat c where c.id = ?), ''), ?, ?, ?, ?)" + update,
                    at.toLocalDate(), role, model, chatId, slot, messages, inputTokens, outputTokens, messages, inputTokens, outputTokens);
        } else {
            t.execute("insert into usage_count (day, role, model, slot, messages, input_tokens, output_tokens) values (?, ?, '', ?, ?, ?, ?)"
                    + update, at.toLocalDate(), role, slot, messages, inputTokens, outputTokens, messages, inputTokens, outputTokens);
        }
    }

    /**
     * Adds the tokens of the answer at {@code rank} of chat {@code chatId}, written at {@code at}, to its day's count without
     * counting a message: for an answer already counted (saved while it streamed, with no tokens), under its own model
     * (else its chat's), as {@link #add} counts it.
     */
    static void addAnswerTokens(DSLContext t, long chatId, int rank, LocalDateTime at, long inputTokens, long outputTokens) {
        int slot = (int) Math.floorMod(chatId, (long) SLOTS);
        t.execute("insert into usage_count (day, role, model, slot, messages, input_tokens, output_tokens) "
                        + "values (?, 'assistant', coalesce((select h.model from chat_history h where h.chat_id = ? and h.`rank` = ? "
                        + "and h.role = 'assistant'), (select c.model from chat c where c.id = ?), ''), ?, 0, ?, ?) "
                        + "on duplicate key update input_tokens = input_tokens + ?, output_tokens = output_tokens + ?",
                at.toLocalDate(), chatId, rank, chatId, slot, inputTokens, outputTokens, inputTokens, outputTokens);
    }

    /** {@link #writer} for a chat of {@code userId}'s, as a query to send with others. */
    static org.jooq.Query writerOf(DSLContext t, long userId, LocalDateTime at) {
        return t.query("insert ignore into usage_day_user (day, user_id) values (?, ?)", at.toLocalDate(), userId);
    }

    /**
     * {@link #add} of a new chat's question (a user's message, one), as a query to send with others right after the chat's
     * id was kept in the session variable {@code @suhbat_new_chat} (JooqChatRepository).
     */
    static org.jooq.Query addQuestionOfNewChat(DSLContext t, LocalDateTime at) {
        return t.query("insert into usage_count (day, role, model, slot, messages, input_tokens, output_tokens) "
                + "values (?, 'user', '', mod(@suhbat_new_chat, ?), 1, 0, 0) on duplicate key update messages = messages + 1",
                at.toLocalDate(), SLOTS);
    }

    /**
     * The chat's owner wrote a question: one more in {@code user_message_count} (V300), what the admin's users page shows
     * and sorts by. Written after the day's writer and the day's counter, in every transaction that writes it, so
     * transactions of one user lock these rows in one order.
     */
    static void question(DSLContext t, long chatId) {
        t.execute("insert into user_message_count (user_id, messages) select c.user_id, 1 from chat c where c.id = ? "
                + "on duplicate key update messages = messages + 1", chatId);
    }

    /** A question of the chat's owner was removed unanswered: one fewer (the counter never goes below nothing). */
    static void questionRemoved(DSLContext t, long chatId) {
        t.execute("update user_message_count m join chat c on c.user_id = m.user_id set m.messages = m.messages - 1 "
                + "where c.id = ? and m.messages > 0", chatId);
    }

    /** {@link #question} of a new chat's question, as a query to send with others. */
    static org.jooq.Query questionOf(DSLContext t, long userId) {
        return t.query("insert into user_message_count (user_id, messages) values (?, 1) on duplicate key update messages = messages + 1",
                userId);
    }

    /** The chat's owner wrote a message on the day of {@code at}: one row per day and user, a second write changes nothing. */
    static void writer(DSLContext t, long chatId, LocalDateTime at) {
        t.execute("insert ignore into usage_day_user (day, user_id) select ?, c.user_id from chat c where c.id = ?", at.toLocalDate(), chatId);
    }

    /**
     * Every day from {@code from} to {@code to} (both included; {@code to} null: every day from {@code from} on), days
     * without use as zeros, in one statement: messages, answers and tokens per day (and model) from the counters,
     * active users from {@code usage_day_user}, new users, new chats and ratings from their date indexes.
     */
    static TreeMap<LocalDate, UsageDay> days(DSLContext db, LocalDate from, LocalDate to) {
        LocalDate last = to == null ? LocalDate.of(9999, 12, 30) : to;
        LocalDateTime start = from.atStartOfDay();
        LocalDateTime end = last.plusDays(1).atStartOfDay();
        var rows = db.fetch("""
                select 'h' as kind, day, role, model, sum(messages) as n, sum(input_tokens) as input_tokens,
                       sum(output_tokens) as output_tokens
                from usage_count where day >= ? and day <= ? group by day, role, model
                union all
                select 'a', day, null, null, count(*), 0, 0 from usage_day_user where day >= ? and day <= ? group by day
                union all
                select 'u', cast(u.date as date), null, null, count(*), 0, 0 from `user` u where u.date >= ? and u.date < ? group by cast(u.date as date)
                union all
                select 'c', cast(c.date as date), null, null, count(*), 0, 0 from chat c where c.date >= ? and c.date < ? group by cast(c.date as date)
                union all
                select 'f', cast(f.date as date), null, null, count(*), coalesce(sum(f.rating > 0), 0), coalesce(sum(f.rating < 0), 0)
                from message_feedback f where f.date >= ? and f.date < ? group by cast(f.date as date)""",
                from, last, from, last, start, end, start, end, start, end);
        // messages, answers, active users, new users, new chats, input tokens, output tokens, thumbs up, thumbs down
        Map<LocalDate, long[]> numbers = new TreeMap<>();
        Map<LocalDate, Map<String, UsageDay.ModelUse>> byModel = new HashMap<>();
        for (Record r : rows) {
            LocalDate day = r.get("day", LocalDate.class);
            long n = r.get("n", Long.class);
            long input = r.get("input_tokens", Long.class);
            long output = r.get("output_tokens", Long.class);
            long[] d = numbers.computeIfAbsent(day, x -> new long[9]);
            switch (r.get("kind", String.class)) {
                case "a" -> d[2] += n;
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
                    } else if ("assistant".equals(role) && n != 0) {
                        d[1] += n;
                        byModel.computeIfAbsent(day, x -> new TreeMap<>()).merge(r.get("model", String.class),
                                new UsageDay.ModelUse(n, input, output), (a, b) -> new UsageDay.ModelUse(a.answers() + b.answers(),
                                        a.inputTokens() + b.inputTokens(), a.outputTokens() + b.outputTokens()));
                    }
                    d[5] += input;
                    d[6] += output;
                }
            }
        }
        TreeMap<LocalDate, UsageDay> days = new TreeMap<>();
        if (to != null) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                days.put(day, UsageDay.nothing(day));
            }
        }
        numbers.forEach((day, d) -> days.put(day, new UsageDay(day, d[0], d[1], d[2], d[3], d[4], d[5], d[6],
                byModel.getOrDefault(day, Map.of()), d[7], d[8])));
        return days;
    }
}
