package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT;
import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_HISTORY;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.time.LocalDateTime;
import org.jooq.DSLContext;

/**
 * Inserts users, chats and messages straight into the tables, for tests of the read-side adapters; a message is
 * counted for the statistics ({@link UsageCounts}) as the chat repository counts the messages it writes.
 */
final class Rows {

    private final DSLContext db;
    private final boolean counted;

    Rows(DSLContext db) {
        this(db, true);
    }

    /** {@code counted} false: rows as a version before the counters (V170) wrote them, for tests of the migration. */
    Rows(DSLContext db, boolean counted) {
        this.db = db;
        this.counted = counted;
    }

    long user(String name, LocalDateTime registered, boolean verified, boolean blocked) {
        return db.insertInto(USER)
                .set(USER.USERNAME, name).set(USER.EMAIL, name + "@example.uz").set(USER.PASSWORD, "{noop}x")
                .set(USER.DATE, registered).set(USER.EMAIL_VERIFIED, verified).set(USER.BLOCKED, blocked)
                .returningResult(USER.ID).fetchOne(USER.ID);
    }

    long chat(long userId, String title, String model, LocalDateTime created, int limit, int used, String closedReason) {
        return db.insertInto(CHAT)
                .set(CHAT.USER_ID, userId).set(CHAT.TITLE, title).set(CHAT.MODEL, model)
                .set(CHAT.DATE, created).set(CHAT.UPDATED, created)
                .set(CHAT.MESSAGE_LIMIT, limit).set(CHAT.USED, used).set(CHAT.CLOSED_REASON, closedReason)
                .returningResult(CHAT.ID).fetchOne(CHAT.ID);
    }

    void message(long chatId, int rank, String role, String content, LocalDateTime at, String model, Integer in, Integer out) {
        db.insertInto(CHAT_HISTORY)
                .set(CHAT_HISTORY.CHAT_ID, chatId).set(CHAT_HISTORY.RANK, rank).set(CHAT_HISTORY.ROLE, role)
                .set(CHAT_HISTORY.CONTENT, content).set(CHAT_HISTORY.DATE, at).set(CHAT_HISTORY.MODEL, model)
                .set(CHAT_HISTORY.INPUT_TOKENS, in).set(CHAT_HISTORY.OUTPUT_TOKENS, out)
                .execute();
        db.update(CHAT).set(CHAT.UPDATED, at).where(CHAT.ID.eq(chatId)).and(CHAT.UPDATED.lt(at)).execute();
        // what JooqChatRepository counts with every message it writes (V170)
        if (!counted) {
            return;
        }
        if ("user".equals(role)) {
            UsageCounts.writer(db, chatId, at);
        }
        UsageCounts.add(db, chatId, role, model, at, 1, in == null ? 0 : in, out == null ? 0 : out);
        if ("user".equals(role)) {
            UsageCounts.question(db, chatId); // V300
        }
    }
}
