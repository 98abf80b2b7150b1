package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT;
import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_HISTORY;
import static uz.suhbat.adapter.out.persistence.schema.Tables.MESSAGE_SOURCE;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import uz.suhbat.application.port.out.admin.ChatArchivePort;
import uz.suhbat.domain.report.ChatOverview;
import uz.suhbat.domain.report.ChatSearch;
import uz.suhbat.domain.report.ChatTranscript;
import uz.suhbat.domain.report.Page;

/** Every chat with its owner's name. Text comparisons are case-blind through the tables' collation. */
final class JooqChatArchive implements ChatArchivePort {

    private final DSLContext db;
    private final ChatTextSearch text;

    JooqChatArchive(DSLContext db) {
        this.db = db;
        this.text = new ChatTextSearch(db);
    }

    @Override
    public Page<ChatOverview> search(ChatSearch search) {
        Condition where = conditions(search);
        long total = db.selectCount().from(CHAT).join(USER).on(USER.ID.eq(CHAT.USER_ID)).where(where).fetchSingle(0, Long.class);
        var items = db.select(CHAT.fields()).select(USER.USERNAME)
                .from(CHAT).join(USER).on(USER.ID.eq(CHAT.USER_ID))
                .where(where)
                .orderBy(CHAT.UPDATED.desc(), CHAT.ID.desc())
                .limit(search.pageSize()).offset(Page.offset(search.page(), search.pageSize()))
                .fetch(JooqChatArchive::toOverview);
        return new Page<>(items, total, search.page(), search.pageSize());
    }

    @Override
    public Optional<ChatTranscript> transcript(long chatId) {
        return chatsWithOwner().where(CHAT.ID.eq(chatId)).fetchOptional().map(this::withMessages);
    }

    @Override
    public List<ChatTranscript> transcriptsOfUser(long userId) {
        return chatsWithOwner().where(CHAT.USER_ID.eq(userId)).orderBy(CHAT.UPDATED.desc(), CHAT.ID.desc()).fetch(this::withMessages);
    }

    private SelectJoinStep<Record> chatsWithOwner() {
        return db.select(CHAT.fields()).select(USER.USERNAME, USER.EMAIL).from(CHAT).join(USER).on(USER.ID.eq(CHAT.USER_ID));
    }

    private ChatTranscript withMessages(Record chat) {
        long chatId = chat.get(CHAT.ID);
        Map<Integer, List<ChatTranscript.Citation>> sources = new HashMap<>();
        db.select(CHAT_HISTORY.RANK, MESSAGE_SOURCE.PAGE, MESSAGE_SOURCE.TEXT)
                .from(MESSAGE_SOURCE).join(CHAT_HISTORY).on(CHAT_HISTORY.ID.eq(MESSAGE_SOURCE.CHAT_HISTORY_ID))
                .where(CHAT_HISTORY.CHAT_ID.eq(chatId), CHAT_HISTORY.ON_BRANCH.isTrue())
                .orderBy(MESSAGE_SOURCE.ID)
                .forEach(r -> sources.computeIfAbsent(r.get(CHAT_HISTORY.RANK), rank -> new ArrayList<>())
                        .add(new ChatTranscript.Citation(r.get(MESSAGE_SOURCE.PAGE), r.get(MESSAGE_SOURCE.TEXT))));
        // the chat as its owner sees it: the active branch (other versions stay in the tables, migration V80)
        return new ChatTranscript(toOverview(chat), chat.get(USER.EMAIL),
                db.selectFrom(CHAT_HISTORY).where(CHAT_HISTORY.CHAT_ID.eq(chatId), CHAT_HISTORY.ON_BRANCH.isTrue()).orderBy(CHAT_HISTORY.RANK)
                        .fetch(m -> new ChatTranscript.Line(m.getRank(), m.getRole(), m.getContent(), Times.fromDb(m.getDate()),
                                m.getModel(), m.getStatus(), m.getInputTokens(), m.getOutputTokens(),
                                sources.getOrDefault(m.getRank(), List.of()))));
    }

    private Condition conditions(ChatSearch search) {
        Condition where = DSL.noCondition();
        if (!search.user().isEmpty()) {
            where = where.and(USER.USERNAME.contains(search.user()).or(USER.EMAIL.contains(search.user())));
        }
        if (!search.model().isEmpty()) {
            where = where.and(CHAT.MODEL.eq(search.model()));
        }
        if (search.from() != null) {
            where = where.and(CHAT.DATE.ge(search.from().atStartOfDay()));
        }
        if (search.to() != null) {
            where = where.and(CHAT.DATE.lt(search.to().plusDays(1).atStartOfDay()));
        }
        if (!search.text().isEmpty()) {
            // the chats with a matching message: the FULLTEXT index finds the messages (ChatTextSearch)
            where = where.and(CHAT.ID.in(DSL.select(CHAT_HISTORY.CHAT_ID).from(CHAT_HISTORY).where(text.matches(search.text()))));
        }
        return where;
    }

    private static ChatOverview toOverview(Record r) {
        return new ChatOverview(r.get(CHAT.ID), r.get(CHAT.USER_ID), r.get(USER.USERNAME), r.get(CHAT.TITLE), r.get(CHAT.MODEL),
                Times.fromDb(r.get(CHAT.DATE)), Times.fromDb(r.get(CHAT.UPDATED)), r.get(CHAT.USED), r.get(CHAT.MESSAGE_LIMIT),
                r.get(CHAT.CLOSED_REASON));
    }
}
