package uz.suhbat.e2e;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * Chats and messages written straight into the tables: the chat API is built on another branch,
 * and the admin panel only reads what it stores.
 */
final class AdminFixtures {

    private final DSLContext db;

    AdminFixtures(DSLContext db) {
        this.db = db;
    }

    static LocalDateTime nowUtc() {
        return LocalDateTime.now(ZoneOffset.UTC).withNano(0);
    }

    long userId(String username) {
        return db.fetchSingle("select id from user where username = ?", username).get(0, Long.class);
    }

    long user(String username, LocalDateTime registered) {
        db.execute("insert into user (username, password, email, date, email_verified) values (?, '{noop}x', ?, ?, true)",
                username, username + "@example.uz", registered);
        return userId(username);
    }

    long chat(long userId, String title, String model, LocalDateTime created, int limit, int used, String closedReason) {
        return db.insertInto(CHAT)
                .set(CHAT.USER_ID, userId).set(CHAT.DATE, created).set(CHAT.UPDATED, created).set(CHAT.TITLE, title)
                .set(CHAT.MODEL, model).set(CHAT.MESSAGE_LIMIT, limit).set(CHAT.USED, used).set(CHAT.CLOSED_REASON, closedReason)
                .returningResult(CHAT.ID)
                .fetchOne(CHAT.ID);
    }

    /** A user message and the model's answer, {@code at} and a few seconds later. */
    void exchange(long chatId, int userRank, String question, String answer, LocalDateTime at, String model) {
        message(chatId, userRank, "user", question, at, null, null, null);
        message(chatId, userRank + 1, "assistant", answer, at.plusSeconds(4), model, 120, 40);
    }

    void message(long chatId, int rank, String role, String content, LocalDateTime at, String model, Integer in, Integer out) {
        // each message follows the one before it, as in a chat without versions (V80)
        db.execute("insert into chat_history (chat_id, role, content, date, `rank`, model, input_tokens, output_tokens, parent_rank) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chatId, role, content, at, rank, model, in, out, rank > 1 ? rank - 1 : null);
        db.execute("update chat set updated = greatest(updated, ?) where id = ?", at, chatId);
        // the statistics' counters, as the chat repository keeps them with every message it writes (UsageCounts, V170, V300)
        long input = in == null ? 0 : in;
        long output = out == null ? 0 : out;
        db.execute("insert into usage_count (day, role, model, slot, messages, input_tokens, output_tokens) "
                        + "select ?, ?, case when ? = 'assistant' then coalesce(?, c.model, '') else '' end, c.id % 8, 1, ?, ? from chat c "
                        + "where c.id = ? on duplicate key update messages = messages + 1, input_tokens = input_tokens + ?, "
                        + "output_tokens = output_tokens + ?",
                at.toLocalDate(), role, role, model, input, output, chatId, input, output);
        if ("user".equals(role)) {
            db.execute("insert ignore into usage_day_user (day, user_id) select ?, user_id from chat where id = ?", at.toLocalDate(), chatId);
            // the users page's count of the user's messages (UsageCounts.question, V300)
            db.execute("insert into user_message_count (user_id, messages) select user_id, 1 from chat where id = ? "
                    + "on duplicate key update messages = messages + 1", chatId);
        }
    }
}
