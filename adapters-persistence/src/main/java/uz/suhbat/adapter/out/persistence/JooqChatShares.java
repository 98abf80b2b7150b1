package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_SHARE;
import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_SHARE_FILE;
import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_SHARE_MESSAGE;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.conversation.ChatShareRepository;

/**
 * Share links with a copy of the chat's messages (V85) and of their files' names (V221); deleting the chat deletes its
 * link (foreign keys).
 */
final class JooqChatShares implements ChatShareRepository {

    private final DSLContext db;

    JooqChatShares(DSLContext db) {
        this.db = db;
    }

    @Override
    public Share create(long chatId, String token, String title, String model, List<SharedMessage> messages, Instant now) {
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(CHAT_SHARE).where(CHAT_SHARE.CHAT_ID.eq(chatId)).execute();
            long id = t.insertInto(CHAT_SHARE)
                    .set(CHAT_SHARE.CHAT_ID, chatId).set(CHAT_SHARE.TOKEN, token).set(CHAT_SHARE.TITLE, title)
                    .set(CHAT_SHARE.MODEL, model).set(CHAT_SHARE.CREATED, Times.toDb(now))
                    .returningResult(CHAT_SHARE.ID).fetchOne().value1();
            var insert = t.insertInto(CHAT_SHARE_MESSAGE, CHAT_SHARE_MESSAGE.SHARE_ID, CHAT_SHARE_MESSAGE.RANK, CHAT_SHARE_MESSAGE.ROLE,
                    CHAT_SHARE_MESSAGE.CONTENT, CHAT_SHARE_MESSAGE.DATE);
            for (SharedMessage m : messages) {
                insert = insert.values(id, m.rank(), m.role(), m.content(), Times.toDb(m.createdAt()));
            }
            if (!messages.isEmpty()) {
                insert.execute();
            }
            var files = t.insertInto(CHAT_SHARE_FILE, CHAT_SHARE_FILE.SHARE_ID, CHAT_SHARE_FILE.RANK, CHAT_SHARE_FILE.POSITION,
                    CHAT_SHARE_FILE.NAME, CHAT_SHARE_FILE.KIND, CHAT_SHARE_FILE.PAGES);
            boolean any = false;
            for (SharedMessage m : messages) {
                for (int i = 0; i < m.files().size(); i++) {
                    SharedFile f = m.files().get(i);
                    files = files.values(id, m.rank(), i, f.name(), f.kind(), f.pages());
                    any = true;
                }
            }
            if (any) {
                files.execute();
            }
            return new Share(chatId, token, now);
        });
    }

    @Override
    public Optional<Share> linkOf(long chatId) {
        return db.select(CHAT_SHARE.TOKEN, CHAT_SHARE.CREATED).from(CHAT_SHARE).where(CHAT_SHARE.CHAT_ID.eq(chatId))
                .fetchOptional(r -> new Share(chatId, r.value1(), Times.fromDb(r.value2())));
    }

    @Override
    public Optional<SharedChat> byToken(String token) {
        return db.select(CHAT_SHARE.ID, CHAT_SHARE.TITLE, CHAT_SHARE.MODEL, CHAT_SHARE.CREATED).from(CHAT_SHARE)
                .where(CHAT_SHARE.TOKEN.eq(token))
                .fetchOptional(r -> {
                    java.util.Map<Integer, List<SharedFile>> files = new java.util.HashMap<>();
                    db.select(CHAT_SHARE_FILE.RANK, CHAT_SHARE_FILE.NAME, CHAT_SHARE_FILE.KIND, CHAT_SHARE_FILE.PAGES).from(CHAT_SHARE_FILE)
                            .where(CHAT_SHARE_FILE.SHARE_ID.eq(r.value1())).orderBy(CHAT_SHARE_FILE.RANK, CHAT_SHARE_FILE.POSITION)
                            .forEach(f -> files.computeIfAbsent(f.value1(), k -> new java.util.ArrayList<>())
                                    .add(new SharedFile(f.value2(), f.value3(), f.value4())));
                    return new SharedChat(r.value2(), r.value3(), Times.fromDb(r.value4()),
                            db.select(CHAT_SHARE_MESSAGE.RANK, CHAT_SHARE_MESSAGE.ROLE, CHAT_SHARE_MESSAGE.CONTENT, CHAT_SHARE_MESSAGE.DATE)
                                    .from(CHAT_SHARE_MESSAGE).where(CHAT_SHARE_MESSAGE.SHARE_ID.eq(r.value1()))
                                    .orderBy(CHAT_SHARE_MESSAGE.RANK)
                                    .fetch(m -> new SharedMessage(m.value1(), m.value2(), m.value3(), Times.fromDb(m.value4()),
                                            files.getOrDefault(m.value1(), List.of()))));
                });
    }

    @Override
    public boolean revoke(long chatId) {
        return db.deleteFrom(CHAT_SHARE).where(CHAT_SHARE.CHAT_ID.eq(chatId)).execute() > 0;
    }
}
