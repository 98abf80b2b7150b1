package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.ATTACHMENT;
import static uz.suhbat.adapter.out.persistence.schema.Tables.ATTACHMENT_CARRIED;
import static uz.suhbat.adapter.out.persistence.schema.Tables.ATTACHMENT_PAGE;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import uz.suhbat.application.port.out.attachment.AttachmentRepository;
import uz.suhbat.domain.attachment.AttachmentKind;

/**
 * Tables {@code attachment} and {@code attachment_page} (V140): the bytes and the text in MySQL, so every node serves them;
 * {@code attachment_carried} (V220): the later versions of a question that keep its files.
 */
final class JooqAttachmentRepository implements AttachmentRepository {

    private static final List<SelectField<?>> META = List.of(ATTACHMENT.ID, ATTACHMENT.USER_ID, ATTACHMENT.CHAT_ID,
            ATTACHMENT.MESSAGE_RANK, ATTACHMENT.NAME, ATTACHMENT.KIND, ATTACHMENT.SIZE, ATTACHMENT.PAGES, ATTACHMENT.TOKENS,
            ATTACHMENT.CREATED);

    private final DSLContext db;

    JooqAttachmentRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public long savePending(long userId, String name, AttachmentKind kind, byte[] content, List<String> pageTexts, int tokens,
                            Instant created) {
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            long id = t.insertInto(ATTACHMENT)
                    .set(ATTACHMENT.USER_ID, userId)
                    .set(ATTACHMENT.NAME, name)
                    .set(ATTACHMENT.KIND, kind.name())
                    .set(ATTACHMENT.SIZE, (long) content.length)
                    .set(ATTACHMENT.PAGES, pageTexts.size())
                    .set(ATTACHMENT.TOKENS, tokens)
                    .set(ATTACHMENT.CREATED, Times.toDb(created))
                    .set(ATTACHMENT.CONTENT, content)
                    .returningResult(ATTACHMENT.ID).fetchOne().value1();
            if (!pageTexts.isEmpty()) {
                var insert = t.insertInto(ATTACHMENT_PAGE, ATTACHMENT_PAGE.ATTACHMENT_ID, ATTACHMENT_PAGE.PAGE, ATTACHMENT_PAGE.TEXT);
                for (int i = 0; i < pageTexts.size(); i++) {
                    insert = insert.values(id, i + 1, pageTexts.get(i));
                }
                insert.execute();
            }
            return id;
        });
    }

    @Override
    public List<Stored> pending(long userId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.select(META).from(ATTACHMENT)
                .where(ATTACHMENT.USER_ID.eq(userId).and(ATTACHMENT.CHAT_ID.isNull()).and(ATTACHMENT.ID.in(ids)))
                .orderBy(ATTACHMENT.ID).fetch(JooqAttachmentRepository::stored);
    }

    @Override
    public int bind(long userId, List<Long> ids, long chatId, int rank) {
        if (ids.isEmpty()) {
            return 0;
        }
        return db.update(ATTACHMENT).set(ATTACHMENT.CHAT_ID, chatId).set(ATTACHMENT.MESSAGE_RANK, rank)
                .where(ATTACHMENT.USER_ID.eq(userId).and(ATTACHMENT.CHAT_ID.isNull()).and(ATTACHMENT.ID.in(ids)))
                .execute();
    }

    @Override
    public int carry(long chatId, List<Long> ids, int rank) {
        if (ids.isEmpty()) {
            return 0;
        }
        return db.insertInto(ATTACHMENT_CARRIED, ATTACHMENT_CARRIED.CHAT_ID, ATTACHMENT_CARRIED.MESSAGE_RANK, ATTACHMENT_CARRIED.ATTACHMENT_ID)
                .select(DSL.select(ATTACHMENT.CHAT_ID, DSL.val(rank), ATTACHMENT.ID).from(ATTACHMENT)
                        .where(ATTACHMENT.CHAT_ID.eq(chatId), ATTACHMENT.ID.in(ids), ATTACHMENT.MESSAGE_RANK.ne(rank)))
                .onDuplicateKeyIgnore().execute();
    }

    @Override
    public void release(long chatId, int rank) {
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(ATTACHMENT_CARRIED).where(ATTACHMENT_CARRIED.CHAT_ID.eq(chatId), ATTACHMENT_CARRIED.MESSAGE_RANK.eq(rank)).execute();
            var sent = t.select(ATTACHMENT.ID).from(ATTACHMENT).where(ATTACHMENT.CHAT_ID.eq(chatId), ATTACHMENT.MESSAGE_RANK.eq(rank))
                    .forUpdate().fetch(ATTACHMENT.ID);
            for (long id : sent) {
                // a later version that carries the file keeps it: the earliest of them becomes the question it was sent with
                var later = t.select(DSL.min(ATTACHMENT_CARRIED.MESSAGE_RANK)).from(ATTACHMENT_CARRIED)
                        .where(ATTACHMENT_CARRIED.ATTACHMENT_ID.eq(id)).fetchOne().value1();
                if (later == null) {
                    t.deleteFrom(ATTACHMENT).where(ATTACHMENT.ID.eq(id)).execute();
                } else {
                    t.update(ATTACHMENT).set(ATTACHMENT.MESSAGE_RANK, later).where(ATTACHMENT.ID.eq(id)).execute();
                    t.deleteFrom(ATTACHMENT_CARRIED).where(ATTACHMENT_CARRIED.ATTACHMENT_ID.eq(id), ATTACHMENT_CARRIED.MESSAGE_RANK.eq(later))
                            .execute();
                }
            }
        });
    }

    @Override
    public List<Stored> ofChat(long chatId) {
        List<SelectField<?>> carried = META.stream().map(f -> f == ATTACHMENT.MESSAGE_RANK ? ATTACHMENT_CARRIED.MESSAGE_RANK : f).toList();
        // one round trip: the files sent with each question, then the versions that carry them (with their rank)
        return db.select(META).from(ATTACHMENT).where(ATTACHMENT.CHAT_ID.eq(chatId))
                .unionAll(DSL.select(carried).from(ATTACHMENT_CARRIED).join(ATTACHMENT).on(ATTACHMENT.ID.eq(ATTACHMENT_CARRIED.ATTACHMENT_ID))
                        .where(ATTACHMENT_CARRIED.CHAT_ID.eq(chatId)))
                .orderBy(DSL.field(DSL.name(ATTACHMENT.MESSAGE_RANK.getName())), DSL.field(DSL.name(ATTACHMENT.ID.getName())))
                .fetch(JooqAttachmentRepository::stored);
    }

    @Override
    public Optional<Stored> find(long id) {
        return db.select(META).from(ATTACHMENT).where(ATTACHMENT.ID.eq(id)).fetchOptional(JooqAttachmentRepository::stored);
    }

    @Override
    public Optional<byte[]> content(long id) {
        return db.select(ATTACHMENT.CONTENT).from(ATTACHMENT).where(ATTACHMENT.ID.eq(id)).fetchOptional(ATTACHMENT.CONTENT);
    }

    @Override
    public List<String> pageTexts(long id) {
        return db.select(ATTACHMENT_PAGE.TEXT).from(ATTACHMENT_PAGE).where(ATTACHMENT_PAGE.ATTACHMENT_ID.eq(id))
                .orderBy(ATTACHMENT_PAGE.PAGE).fetch(ATTACHMENT_PAGE.TEXT);
    }

    @Override
    public int deletePendingBefore(Instant cutoff) {
        return db.deleteFrom(ATTACHMENT).where(ATTACHMENT.CHAT_ID.isNull().and(ATTACHMENT.CREATED.lt(Times.toDb(cutoff)))).execute();
    }

    private static Stored stored(Record r) {
        Long chat = r.get(ATTACHMENT.CHAT_ID);
        Integer rank = r.get(ATTACHMENT.MESSAGE_RANK);
        return new Stored(r.get(ATTACHMENT.ID), r.get(ATTACHMENT.USER_ID), chat == null ? 0 : chat, rank == null ? 0 : rank,
                r.get(ATTACHMENT.NAME), AttachmentKind.valueOf(r.get(ATTACHMENT.KIND)), r.get(ATTACHMENT.SIZE),
                r.get(ATTACHMENT.PAGES), r.get(ATTACHMENT.TOKENS), Times.fromDb(r.get(ATTACHMENT.CREATED)));
    }
}
