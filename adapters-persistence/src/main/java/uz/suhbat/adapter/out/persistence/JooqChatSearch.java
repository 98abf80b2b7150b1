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
 * A user's search of their own chats. Bounded by the user's chats (index {@code ix_chat_user_updated}), it compares
 * the normalised term with each title (apostrophes removed in the query) and with {@code chat_history.search_text}
 * (V51: the message without apostrophes) as a substring; the collation makes it case-insensitive. First the newest
 * chats that match (a message is looked for only until the first match in a chat), then their first matching messages.
 * Only the active branch of a chat is searched (V80 {@code on_branch}), what the chat shows when opened. The admin's
 * search of every chat is {@link ChatTextSearch}'s, kept apart.
 */
final class JooqChatSearch implements ChatSearchRepository {

    /** The apostrophe variants {@code SearchTerm} leaves out, removed from titles in the query the same way. */
    private static final String[] APOSTROPHES = {"'", "`", "\u02BB", "\u02BC", "\u2018", "\u2019", "\u201B", "\u00B4", "\u02B9", "\u2032"};

    private final DSLContext db;

    JooqChatSearch(DSLContext db) {
        this.db = db;
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
        Condition messageMatches = DSL.exists(DSL.selectOne().from(CHAT_HISTORY)
                .where(CHAT_HISTORY.CHAT_ID.eq(CHAT.ID), CHAT_HISTORY.ON_BRANCH.isTrue(), ChatTextSearch.SEARCH_TEXT.contains(normalTerm)));
        Map<Long, Found> chats = new LinkedHashMap<>();
        db.select(CHAT.ID, CHAT.TITLE, CHAT.UPDATED, DSL.field(titleMatches).as("title_matches"))
                .from(CHAT)
                .where(CHAT.USER_ID.eq(userId), titleMatches.or(messageMatches))
                .orderBy(CHAT.UPDATED.desc(), CHAT.ID.desc())
                .limit(limit)
                .forEach(r -> chats.put(r.value1(), new Found(r.value1(), r.value2(), Times.fromDb(r.value3()),
                        Boolean.TRUE.equals(r.value4()), List.of())));
        if (chats.isEmpty()) {
            return List.of();
        }
        Field<Integer> number = DSL.rowNumber().over(DSL.partitionBy(CHAT_HISTORY.CHAT_ID).orderBy(CHAT_HISTORY.RANK)).as("n");
        var matching = DSL.select(CHAT_HISTORY.CHAT_ID, CHAT_HISTORY.RANK, CHAT_HISTORY.ROLE, CHAT_HISTORY.CONTENT, number)
                .from(CHAT_HISTORY)
                .where(CHAT_HISTORY.CHAT_ID.in(chats.keySet()), CHAT_HISTORY.ON_BRANCH.isTrue(), ChatTextSearch.SEARCH_TEXT.contains(normalTerm))
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
}
