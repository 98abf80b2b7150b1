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

    /** Newest chats checked one by one first; when none of them has the text, the FULLTEXT index is asked at once. */
    static final int FIRST_WINDOW = 50;
    /** Newest chats checked one by one before the FULLTEXT index is asked, when some of the first ones had the text. */
    static final int WINDOW = 300;
    /** Newest chats searched for a text the index cannot answer (all its words shorter than the index keeps). */
    static final int SHORT_WINDOW = 300;
    private static final int MAX_WINDOW = 20_000;

    private final DSLContext db;
    private final ChatTextSearch text;

    private final int window;
    private final int shortWindow;

    JooqChatArchive(DSLContext db) {
        this(db, WINDOW, SHORT_WINDOW);
    }

    /** With other windows than {@link #WINDOW} and {@link #SHORT_WINDOW}: for tests of each path on a few chats. */
    JooqChatArchive(DSLContext db, int window, int shortWindow) {
        this.db = db;
        this.text = new ChatTextSearch(db);
        this.window = window;
        this.shortWindow = shortWindow;
    }

    @Override
    public Page<ChatOverview> search(ChatSearch search) {
        if (!search.text().isEmpty()) {
            return searchText(search);
        }
        Condition where = conditions(search);
        // every chat has its user (a foreign key): without a filter on the user, the chats alone are counted
        long total = db.selectCount().from(search.user().isEmpty() ? CHAT : CHAT.join(USER).on(USER.ID.eq(CHAT.USER_ID)))
                .where(where).fetchSingle(0, Long.class);
        return new Page<>(page(chatsThenUsers(search), where, search.pageSize(), Page.offset(search.page(), search.pageSize())), total,
                search.page(), search.pageSize());
    }

    /**
     * Chats joined with their users for a page newest first: without a filter on the user, read from the chats in
     * {@code ix_chat_updated}'s order (a STRAIGHT_JOIN), so that the page's rows are the first ones read. Joined plainly,
     * MariaDB started from the users and sorted every chat (35 ms at 20,000 chats against 0.4 ms; docs/benchmarks.md).
     * With a filter on the user, the matching users come first and only their chats are read.
     */
    private static org.jooq.Table<?> chatsThenUsers(ChatSearch search) {
        return search.user().isEmpty()
                ? CHAT.straightJoin(USER).on(USER.ID.eq(CHAT.USER_ID))
                : CHAT.join(USER).on(USER.ID.eq(CHAT.USER_ID));
    }

    private List<ChatOverview> page(Condition where, int limit, long offset) {
        return page(CHAT.join(USER).on(USER.ID.eq(CHAT.USER_ID)), where, limit, offset);
    }

    /** The chats of {@code from} (chats joined with their users) under {@code where}, newest first. */
    private List<ChatOverview> page(org.jooq.Table<?> from, Condition where, int limit, long offset) {
        return db.select(CHAT.fields()).select(USER.USERNAME)
                .from(from)
                .where(where)
                .orderBy(CHAT.UPDATED.desc(), CHAT.ID.desc())
                .limit(limit).offset(offset)
                .fetch(JooqChatArchive::toOverview);
    }

    /**
     * Chats with a message that contains the text, newest first, in a time that does not grow with the
     * history. First the newest {@value #FIRST_WINDOW} chats (by {@code ix_chat_updated}) are checked one by
     * one, each through its own messages: a text none of them has is most likely rare and is looked up in the
     * FULLTEXT index, which then returns few messages, and counted exactly; a text found in enough of them for
     * the page is common, and the page comes from there with a total estimated from that sample; a text in
     * some of them is checked in the newest {@value #WINDOW} the same way before the index is asked. A text
     * with no word the index holds (shorter than its minimum) is looked for in the newest
     * {@value #SHORT_WINDOW} chats only, and the page says so.
     */
    private Page<ChatOverview> searchText(ChatSearch search) {
        String text = search.text();
        Condition filters = conditions(search);
        long offset = Page.offset(search.page(), search.pageSize());
        long needed = offset + search.pageSize();
        boolean indexed = this.text.indexed(text);
        if (indexed && this.window == 0) {
            return indexSearch(search, filters, offset);
        }
        int wide = (int) Math.min(MAX_WINDOW, Math.max(indexed ? this.window : this.shortWindow, needed * 2));
        if (indexed) {
            // a first look at fewer chats: a common text fills the page from there, a text none of them has is
            // most likely rare and goes to the index at once; only a text some of them have is looked for further
            int narrow = (int) Math.min(wide, Math.max(FIRST_WINDOW, needed * 2));
            Walk first = walk(search, filters, text, narrow);
            if (first.hits().isEmpty() && !first.everyChatSeen()) {
                return indexSearch(search, filters, offset);
            }
            if (first.everyChatSeen() || first.hits().size() >= needed || narrow == wide) {
                return fromWalk(search, filters, first, offset, needed, indexed);
            }
        }
        Walk walk = walk(search, filters, text, wide);
        return fromWalk(search, filters, walk, offset, needed, indexed);
    }

    /** The newest {@code window} chats under the filters, and those of them with a matching message (newest first). */
    private record Walk(List<Long> hits, int window, boolean everyChatSeen) {
    }

    private Walk walk(ChatSearch search, Condition filters, String text, int window) {
        var newest = db.select(CHAT.ID, CHAT.UPDATED).from(chatsThenUsers(search)).where(filters)
                .orderBy(CHAT.UPDATED.desc(), CHAT.ID.desc()).limit(window).asTable("newest");
        var id = newest.field(CHAT.ID);
        var hit = DSL.field(DSL.exists(DSL.selectOne().from(CHAT_HISTORY)
                .where(CHAT_HISTORY.CHAT_ID.eq(id)).and(this.text.matchesWithoutIndex(text)))).as("hit");
        var seen = db.select(id, hit).from(newest).orderBy(newest.field(CHAT.UPDATED).desc(), id.desc()).fetch();
        List<Long> hits = seen.stream().filter(r -> Boolean.TRUE.equals(r.get(hit))).map(r -> r.get(id)).toList();
        return new Walk(hits, window, seen.size() < window);
    }

    private Page<ChatOverview> fromWalk(ChatSearch search, Condition filters, Walk walk, long offset, long needed, boolean indexed) {
        List<Long> hits = walk.hits();
        int window = walk.window();
        boolean everyChatSeen = walk.everyChatSeen();
        if (everyChatSeen || !indexed || hits.size() >= needed) {
            List<Long> pageIds = offset >= hits.size() ? List.of() : hits.subList((int) offset, (int) Math.min(hits.size(), needed));
            List<ChatOverview> items = pageIds.isEmpty() ? List.of() : page(CHAT.ID.in(pageIds), pageIds.size(), 0);
            if (everyChatSeen) {
                return new Page<>(items, hits.size(), search.page(), search.pageSize());
            }
            if (!indexed) {
                return new Page<>(items, hits.size(), search.page(), search.pageSize(), false, window);
            }
            long chats = db.selectCount().from(CHAT).join(USER).on(USER.ID.eq(CHAT.USER_ID)).where(filters).fetchSingle(0, Long.class);
            return new Page<>(items, estimate(hits.size(), window, chats), search.page(), search.pageSize(), true, 0);
        }
        return indexSearch(search, filters, offset);
    }

    private Page<ChatOverview> indexSearch(ChatSearch search, Condition filters, long offset) {
        // the chats with a matching message: the FULLTEXT index finds the messages (ChatTextSearch)
        Condition where = filters.and(CHAT.ID.in(DSL.select(CHAT_HISTORY.CHAT_ID).from(CHAT_HISTORY).where(this.text.matches(search.text()))));
        long total = db.selectCount().from(CHAT).join(USER).on(USER.ID.eq(CHAT.USER_ID)).where(where).fetchSingle(0, Long.class);
        return new Page<>(page(where, search.pageSize(), offset), total, search.page(), search.pageSize());
    }

    /** {@code hits} of the newest {@code sample} chats had the text: the same share of all {@code chats}, to two significant digits. */
    static long estimate(long hits, long sample, long chats) {
        double share = (double) hits / sample * chats;
        if (share < 100) {
            return Math.max(hits, Math.round(share));
        }
        double unit = Math.pow(10, Math.floor(Math.log10(share)) - 1);
        return Math.max(hits, Math.round(share / unit) * (long) unit);
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
        db.select(CHAT_HISTORY.RANK, MESSAGE_SOURCE.PAGE, MESSAGE_SOURCE.TEXT, MESSAGE_SOURCE.MODEL_ID)
                .from(MESSAGE_SOURCE).join(CHAT_HISTORY).on(CHAT_HISTORY.ID.eq(MESSAGE_SOURCE.CHAT_HISTORY_ID))
                .where(CHAT_HISTORY.CHAT_ID.eq(chatId), CHAT_HISTORY.ON_BRANCH.isTrue())
                .orderBy(MESSAGE_SOURCE.ID)
                .forEach(r -> sources.computeIfAbsent(r.get(CHAT_HISTORY.RANK), rank -> new ArrayList<>())
                        .add(new ChatTranscript.Citation(r.get(MESSAGE_SOURCE.PAGE), r.get(MESSAGE_SOURCE.TEXT),
                                r.get(MESSAGE_SOURCE.MODEL_ID) != null && r.get(MESSAGE_SOURCE.MODEL_ID) > 0)));
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
        return where;
    }

    private static ChatOverview toOverview(Record r) {
        return new ChatOverview(r.get(CHAT.ID), r.get(CHAT.USER_ID), r.get(USER.USERNAME), r.get(CHAT.TITLE), r.get(CHAT.MODEL),
                Times.fromDb(r.get(CHAT.DATE)), Times.fromDb(r.get(CHAT.UPDATED)), r.get(CHAT.USED), r.get(CHAT.MESSAGE_LIMIT),
                r.get(CHAT.CLOSED_REASON));
    }
}
