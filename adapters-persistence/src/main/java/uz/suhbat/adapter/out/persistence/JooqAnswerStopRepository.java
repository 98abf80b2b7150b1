package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.ANSWER_STOP;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.chat.AnswerStopRepository;

final class JooqAnswerStopRepository implements AnswerStopRepository {

    private final DSLContext db;

    JooqAnswerStopRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public void record(long userId, long chatId, Instant at) {
        int updated = db.update(ANSWER_STOP).set(ANSWER_STOP.REQUESTED, Times.toDb(at))
                .where(ANSWER_STOP.USER_ID.eq(userId), ANSWER_STOP.CHAT_ID.eq(chatId))
                .execute();
        if (updated == 0) {
            db.insertInto(ANSWER_STOP).set(ANSWER_STOP.USER_ID, userId).set(ANSWER_STOP.CHAT_ID, chatId)
                    .set(ANSWER_STOP.REQUESTED, Times.toDb(at)).onDuplicateKeyIgnore().execute();
        }
    }

    @Override
    public List<Stop> since(Instant since) {
        return db.selectFrom(ANSWER_STOP).where(ANSWER_STOP.REQUESTED.ge(Times.toDb(since)))
                .fetch(r -> new Stop(r.getUserId(), r.getChatId(), Times.fromDb(r.getRequested())));
    }

    @Override
    public int deleteOlderThan(Instant before) {
        return db.deleteFrom(ANSWER_STOP).where(ANSWER_STOP.REQUESTED.lt(Times.toDb(before))).execute();
    }
}
