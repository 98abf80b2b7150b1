package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT;
import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_HISTORY;
import static uz.suhbat.adapter.out.persistence.schema.Tables.MESSAGE_FEEDBACK;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import uz.suhbat.application.port.out.conversation.FeedbackRepository;

/** Feedback on answers (V85), one row per answer, replaced in one {@code INSERT ... ON DUPLICATE KEY UPDATE}. */
final class JooqFeedback implements FeedbackRepository {

    private final DSLContext db;

    JooqFeedback(DSLContext db) {
        this.db = db;
    }

    @Override
    public boolean rate(long chatId, int rank, int rating, String comment, Instant now) {
        var answer = db.select(CHAT_HISTORY.ID, DSL.coalesce(CHAT_HISTORY.MODEL, CHAT.MODEL))
                .from(CHAT_HISTORY).join(CHAT).on(CHAT.ID.eq(CHAT_HISTORY.CHAT_ID))
                .where(CHAT_HISTORY.CHAT_ID.eq(chatId), CHAT_HISTORY.RANK.eq(rank), CHAT_HISTORY.ROLE.eq("assistant"))
                .fetchOptional();
        if (answer.isEmpty()) {
            return false;
        }
        long answerId = answer.get().value1();
        if (update(answerId, rating, comment, now) == 0
                && db.insertInto(MESSAGE_FEEDBACK)
                        .set(MESSAGE_FEEDBACK.CHAT_HISTORY_ID, answerId).set(MESSAGE_FEEDBACK.CHAT_ID, chatId)
                        .set(MESSAGE_FEEDBACK.MODEL, answer.get().value2()).set(MESSAGE_FEEDBACK.RATING, (byte) rating)
                        .set(MESSAGE_FEEDBACK.COMMENT, comment).set(MESSAGE_FEEDBACK.DATE, Times.toDb(now))
                        .onDuplicateKeyIgnore().execute() == 0) {
            // a second request (another tab, another node) inserted it meanwhile: this one is the later word
            update(answerId, rating, comment, now);
        }
        return true;
    }

    private int update(long answerId, int rating, String comment, Instant now) {
        return db.update(MESSAGE_FEEDBACK).set(MESSAGE_FEEDBACK.RATING, (byte) rating).set(MESSAGE_FEEDBACK.COMMENT, comment)
                .set(MESSAGE_FEEDBACK.DATE, Times.toDb(now)).where(MESSAGE_FEEDBACK.CHAT_HISTORY_ID.eq(answerId)).execute();
    }

    @Override
    public void clear(long chatId, int rank) {
        db.deleteFrom(MESSAGE_FEEDBACK).where(MESSAGE_FEEDBACK.CHAT_HISTORY_ID.in(
                DSL.select(CHAT_HISTORY.ID).from(CHAT_HISTORY).where(CHAT_HISTORY.CHAT_ID.eq(chatId), CHAT_HISTORY.RANK.eq(rank)))).execute();
    }

    @Override
    public List<Feedback> ofChat(long chatId) {
        return db.select(CHAT_HISTORY.RANK, MESSAGE_FEEDBACK.RATING, MESSAGE_FEEDBACK.COMMENT, MESSAGE_FEEDBACK.MODEL, MESSAGE_FEEDBACK.DATE)
                .from(MESSAGE_FEEDBACK).join(CHAT_HISTORY).on(CHAT_HISTORY.ID.eq(MESSAGE_FEEDBACK.CHAT_HISTORY_ID))
                .where(MESSAGE_FEEDBACK.CHAT_ID.eq(chatId))
                .orderBy(CHAT_HISTORY.RANK)
                .fetch(r -> new Feedback(r.value1(), r.value2(), r.value3(), r.value4(), Times.fromDb(r.value5())));
    }

    @Override
    public List<ModelRate> perModel() {
        Field<BigDecimal> up = DSL.sum(DSL.when(MESSAGE_FEEDBACK.RATING.gt((byte) 0), 1).otherwise(0)).as("up");
        Field<BigDecimal> down = DSL.sum(DSL.when(MESSAGE_FEEDBACK.RATING.lt((byte) 0), 1).otherwise(0)).as("down");
        return db.select(MESSAGE_FEEDBACK.MODEL, up, down).from(MESSAGE_FEEDBACK)
                .groupBy(MESSAGE_FEEDBACK.MODEL)
                .orderBy(DSL.count().desc(), MESSAGE_FEEDBACK.MODEL)
                .fetch(r -> new ModelRate(r.value1(), r.value2().longValue(), r.value3().longValue()));
    }
}
