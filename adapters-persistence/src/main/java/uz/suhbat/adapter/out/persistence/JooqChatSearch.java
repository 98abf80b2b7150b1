package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT;
import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_HISTORY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.impl.DSL;
import uz.suhbat.application.port.out.conversation.ChatSearchRepository;

/**
 * A user's search of their own chats, in a time that does not grow with the user's history. Titles are compared as
 * substrings (apostrophes removed in the query; a user's titles are few). Message text is compared with
 * {@code chat_history.search_text} (V51: the message without apostrophes) as {@link ChatTextSearch} does for the admin:
 * each word of the term that the FULLTEXT index holds must begin a word of the message and the whole term must occur in
 * it; the collation makes it case-insensitive. Only the active branch of a chat is searched (V80 {@code on_branch}).
 *
 * <ol>
 *   <li>A first look at the user's newest {@value #FIRST_LOOK} chats, each through its own messages: a term found in
 *       enough of them (or a user with no more chats) is answered from there.</li>
 *   <li>Otherwise, a term with a word the index holds is looked up in the FULLTEXT index, restricted to the user's
 *       chats: the index returns the messages of every user that hold the words, so first the share of the newest
 *       {@value #SAMPLE} messages of everyone that hold it estimates how many that is; when that is more than the
 *       user's own messages (a word everyone writes but this user rarely does), the user's messages are read instead.</li>
 *   <li>A term with no such word (shorter than the index keeps, e.g. two letters) is a substring scan of the user's
 *       messages.</li>
 * </ol>
 * Then the first matching messages of the chats found. The admin's search of every chat is {@link JooqChatArchive}'s.
 * Timings: docs/benchmarks.md, "A user's search of their own chats".
 */
final class JooqChatSearch implements ChatSearchRepository {

    /** How many of the user's newest chats the first look reads. */
    static final int FIRST_LOOK = 30;
    /** How many of everyone's newest messages estimate how common a term is. */
    static final int SAMPLE = 300;

    /** The apostrophe variants {@code SearchTerm} leaves out, removed from titles in the query the same way. */
    private static final String[] APOSTROPHES = {"'", "`", "\u02BB", "\u02BC", "\u2018", "\u2019", "\u201B", "\u00B4", "\u02B9", "\u2032"};

    private final DSLContext db;
    private final ChatTextSearch text;

    JooqChatSearch(DSLContext db) {
        this.db = db;
        this.text = new ChatTextSearch(db);
    }

    static Field<String> withoutApostrophes(Field<String> text) {
        Field<String> out = text;
        for (String apostrophe : APOSTROPHES) {
            out = DSL.replace(out, DSL.inline(apostrophe), DSL.inline(""));
        }
        return out;
    }

    @Override
    public List<Found> search(long userId, String normalTerm, int limit, int perChat) {
        Condition titleMatches = withoutApostrophes(CHAT.TITLE).contains(normalTerm);
        Condition messageMatches = text.matchesWithoutIndex(normalTerm);
        Map<Long, Found> chats = firstLook(userId, normalTerm, messageMatches, limit);
        if (chats == null) {
            Condition hit;
            if (text.indexed(normalTerm) && !commonerThanTheUsersOwn(userId, messageMatches)) {
                // the index finds the messages of every user; only this user's chats are kept (by primary key)
                List<Long> found = db.selectDistinct(CHAT_HISTORY.CHAT_ID).from(CHAT_HISTORY).straightJoin(CHAT).on(CHAT.ID.eq(CHAT_HISTORY.CHAT_ID))
                        .where(text.matches(normalTerm), CHAT_HISTORY.ON_BRANCH.isTrue(), CHAT.USER_ID.eq(userId))
                        .fetch(CHAT_HISTORY.CHAT_ID);
                hit = titleMatches.or(found.isEmpty() ? DSL.falseCondition() : CHAT.ID.in(found));
            } else {
                hit = titleMatches.or(DSL.exists(DSL.selectOne().from(CHAT_HISTORY)
                        .where(CHAT_HISTORY.CHAT_ID.eq(CHAT.ID), CHAT_HISTORY.ON_BRANCH.isTrue(), messageMatches)));
            }
            chats = new LinkedHashMap<>();
            for (var r : db.select(CHAT.ID, CHAT.TITLE, CHAT.UPDATED, DSL.field(titleMatches).as("title_matches"))
                    .from(CHAT)
                    .where(CHAT.USER_ID.eq(userId), hit)
                    .orderBy(CHAT.UPDATED.desc(), CHAT.ID.desc())
                    .limit(limit)
                    .fetch()) {
                chats.put(r.value1(), new Found(r.value1(), r.value2(), Times.fromDb(r.value3()), Boolean.TRUE.equals(r.value4()), List.of()));
            }
        }
        if (chats.isEmpty()) {
            return List.of();
        }
        Field<Integer> number = DSL.rowNumber().over(DSL.partitionBy(CHAT_HISTORY.CHAT_ID).orderBy(CHAT_HISTORY.RANK)).as("n");
        var matching = DSL.select(CHAT_HISTORY.CHAT_ID, CHAT_HISTORY.RANK, CHAT_HISTORY.ROLE, CHAT_HISTORY.CONTENT, number)
                .from(CHAT_HISTORY)
                .where(CHAT_HISTORY.CHAT_ID.in(chats.keySet()), CHAT_HISTORY.ON_BRANCH.isTrue(), messageMatches)
                .asTable("m");
        Map<Long, List<FoundMessage>> messages = new LinkedHashMap<>();
        for (Record4<Long, Integer, String, String> r : db.select(matching.field(CHAT_HISTORY.CHAT_ID), matching.field(CHAT_HISTORY.RANK),
                        matching.field(CHAT_HISTORY.ROLE), matching.field(CHAT_HISTORY.CONTENT))
                .from(matching)
                .where(matching.field(number).le(perChat))
                .orderBy(matching.field(CHAT_HISTORY.CHAT_ID), matching.field(CHAT_HISTORY.RANK))
                .fetch()) {
            messages.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(new FoundMessage(r.value2(), r.value3(), r.value4()));
        }
        return chats.values().stream()
                .map(f -> new Found(f.chatId(), f.title(), f.updatedAt(), f.titleMatches(), messages.getOrDefault(f.chatId(), List.of())))
                .toList();
    }

    /**
     * The user's newest {@value #FIRST_LOOK} chats, each checked through its own messages: the matching ones (at most
     * {@code limit}, newest first) when they are enough or when the user has no other chats; null otherwise.
     */
    private Map<Long, Found> firstLook(long userId, String normalTerm, Condition messageMatches, int limit) {
        var newest = db.select(CHAT.ID, CHAT.TITLE, CHAT.UPDATED).from(CHAT).where(CHAT.USER_ID.eq(userId))
                .orderBy(CHAT.UPDATED.desc(), CHAT.ID.desc()).limit(FIRST_LOOK).asTable("newest");
        Field<Long> id = newest.field(CHAT.ID);
        Field<String> title = newest.field(CHAT.TITLE);
        Field<Boolean> titleHit = DSL.field(withoutApostrophes(title).contains(normalTerm)).as("title_matches");
        Field<Boolean> messageHit = DSL.field(DSL.exists(DSL.selectOne().from(CHAT_HISTORY)
                .where(CHAT_HISTORY.CHAT_ID.eq(id), CHAT_HISTORY.ON_BRANCH.isTrue(), messageMatches))).as("message_matches");
        var seen = db.select(id, title, newest.field(CHAT.UPDATED), titleHit, messageHit).from(newest)
                .orderBy(newest.field(CHAT.UPDATED).desc(), id.desc()).fetch();
        Map<Long, Found> hits = new LinkedHashMap<>();
        for (var r : seen) {
            boolean byTitle = Boolean.TRUE.equals(r.value4());
            if ((byTitle || Boolean.TRUE.equals(r.value5())) && hits.size() < limit) {
                hits.put(r.value1(), new Found(r.value1(), r.value2(), Times.fromDb(r.value3()), byTitle, List.of()));
            }
        }
        return seen.size() < FIRST_LOOK || hits.size() >= limit ? hits : null;
    }

    /**
     * Whether the index would return more messages than the user has: the share of everyone's newest {@value #SAMPLE}
     * messages (a primary-key range) that match, times all messages, against the user's messages (twice the questions
     * their chats counted).
     */
    private boolean commonerThanTheUsersOwn(long userId, Condition messageMatches) {
        Long newest = db.select(DSL.max(CHAT_HISTORY.ID)).from(CHAT_HISTORY).fetchOne(0, Long.class);
        if (newest == null) {
            return false;
        }
        int matching = db.selectCount().from(CHAT_HISTORY).where(CHAT_HISTORY.ID.gt(newest - SAMPLE), messageMatches).fetchOne(0, int.class);
        if (matching == 0) {
            return false;
        }
        long everyone = (long) ((double) matching / Math.min(SAMPLE, newest) * newest);
        Long own = db.select(DSL.sum(CHAT.USED)).from(CHAT).where(CHAT.USER_ID.eq(userId)).fetchOne(0, Long.class);
        return everyone > 2 * (own == null ? 0 : own);
    }
}
