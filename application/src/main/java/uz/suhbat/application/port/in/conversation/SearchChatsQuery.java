package uz.suhbat.application.port.in.conversation;

import java.time.Instant;
import java.util.List;

/** A user's search of their own chats, over titles and message text. */
public interface SearchChatsQuery {

    /** At most this many chats are found. */
    int MAX_CHATS = 20;

    /**
     * The user's chats whose title or messages contain {@code query} (case and Uzbek apostrophes do not matter), newest
     * first; empty for a query shorter than two characters.
     */
    List<Hit> search(long userId, String query);

    /**
     * One chat found. {@code rank}: the first matching message, null when only the title matched; the snippet is that
     * message's text around the match (or the title's), in three parts so that the screen can mark the match.
     */
    record Hit(long chatId, String title, Instant updatedAt, boolean archived, Integer rank, String role, String before,
               String match, String after) {
    }
}
