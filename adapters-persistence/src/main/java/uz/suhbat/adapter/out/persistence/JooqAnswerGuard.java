package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT;

import java.time.Instant;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.chat.AnswerGuardPort;

/**
 * The claim lives in the chat's row ({@code answering_by}, {@code answering_since}, migration V20): one conditional
 * UPDATE per claim, keep-alive and release. The row lock the UPDATE takes makes concurrent claims, from any node,
 * take turns; the second sees the first's claim and changes nothing.
 */
final class JooqAnswerGuard implements AnswerGuardPort {

    private final DSLContext db;

    JooqAnswerGuard(DSLContext db) {
        this.db = db;
    }

    @Override
    public boolean claim(long chatId, String owner, Instant now, Instant staleBefore) {
        return db.update(CHAT)
                .set(CHAT.ANSWERING_BY, owner)
                .set(CHAT.ANSWERING_SINCE, Times.toDb(now))
                .where(CHAT.ID.eq(chatId))
                .and(CHAT.ANSWERING_BY.isNull().or(CHAT.ANSWERING_SINCE.lt(Times.toDb(staleBefore))))
                .execute() == 1;
    }

    @Override
    public void keepAlive(long chatId, String owner, Instant now) {
        db.update(CHAT).set(CHAT.ANSWERING_SINCE, Times.toDb(now)).where(CHAT.ID.eq(chatId), CHAT.ANSWERING_BY.eq(owner)).execute();
    }

    @Override
    public void keepAllAlive(java.util.Map<Long, String> claims, Instant now) {
        if (claims.isEmpty()) {
            return;
        }
        // by primary key; an owner is a random UUID of one claim, so a chat matches only while that claim holds it
        db.update(CHAT).set(CHAT.ANSWERING_SINCE, Times.toDb(now))
                .where(CHAT.ID.in(claims.keySet()), CHAT.ANSWERING_BY.in(claims.values())).execute();
    }

    @Override
    public void release(long chatId, String owner) {
        db.update(CHAT).setNull(CHAT.ANSWERING_BY).setNull(CHAT.ANSWERING_SINCE)
                .where(CHAT.ID.eq(chatId), CHAT.ANSWERING_BY.eq(owner)).execute();
    }
}
