package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.conversation.ChatShelfRepository;

/**
 * Pins, archives and the title's source, in the chat's row (migration V85). Each change of the title's source is one
 * conditional {@code UPDATE}, so a rename and a model's title racing on two nodes end with the user's title.
 */
final class JooqChatShelf implements ChatShelfRepository {

    private final DSLContext db;

    JooqChatShelf(DSLContext db) {
        this.db = db;
    }

    private static String wire(TitleSource source) {
        return source.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<Long, Shelf> shelves(long userId) {
        Map<Long, Shelf> shelves = new HashMap<>();
        db.select(CHAT.ID, CHAT.PINNED_AT, CHAT.ARCHIVED_AT, CHAT.TITLE_SOURCE).from(CHAT).where(CHAT.USER_ID.eq(userId))
                .forEach(r -> shelves.put(r.value1(), new Shelf(r.value2() == null ? null : Times.fromDb(r.value2()),
                        r.value3() == null ? null : Times.fromDb(r.value3()), TitleSource.valueOf(r.value4().toUpperCase(Locale.ROOT)))));
        return shelves;
    }

    @Override
    public void pin(long chatId, Instant at) {
        db.update(CHAT).set(CHAT.PINNED_AT, at == null ? null : Times.toDb(at)).where(CHAT.ID.eq(chatId)).execute();
    }

    @Override
    public void archive(long chatId, Instant at) {
        db.update(CHAT).set(CHAT.ARCHIVED_AT, at == null ? null : Times.toDb(at)).where(CHAT.ID.eq(chatId)).execute();
    }

    @Override
    public void renameByUser(long chatId, String title) {
        db.update(CHAT).set(CHAT.TITLE, title).set(CHAT.TITLE_SOURCE, wire(TitleSource.USER)).where(CHAT.ID.eq(chatId)).execute();
    }

    @Override
    public boolean startModelTitle(long chatId) {
        return db.update(CHAT).set(CHAT.TITLE_SOURCE, wire(TitleSource.PENDING))
                .where(CHAT.ID.eq(chatId), CHAT.TITLE_SOURCE.eq(wire(TitleSource.WORDS))).execute() > 0;
    }

    @Override
    public boolean finishModelTitle(long chatId, String title) {
        return db.update(CHAT).set(CHAT.TITLE, title).set(CHAT.TITLE_SOURCE, wire(TitleSource.MODEL))
                .where(CHAT.ID.eq(chatId), CHAT.TITLE_SOURCE.eq(wire(TitleSource.PENDING))).execute() > 0;
    }

    @Override
    public void abandonModelTitle(long chatId) {
        db.update(CHAT).set(CHAT.TITLE_SOURCE, wire(TitleSource.WORDS))
                .where(CHAT.ID.eq(chatId), CHAT.TITLE_SOURCE.eq(wire(TitleSource.PENDING))).execute();
    }
}
