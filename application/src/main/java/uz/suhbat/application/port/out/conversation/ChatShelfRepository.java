package uz.suhbat.application.port.out.conversation;

import java.time.Instant;
import java.util.Map;

/**
 * What a chat's owner arranges about it besides its messages: pinned, archived, and where its title came from (the
 * first words, a model, or the user), so that a model's title never replaces the user's own.
 */
public interface ChatShelfRepository {

    /** Where a chat's title came from. */
    enum TitleSource {
        /** the first words of the first message */
        WORDS,
        /** a model is writing a title */
        PENDING,
        /** a model wrote it */
        MODEL,
        /** the user named the chat */
        USER
    }

    /** {@code pinnedAt}/{@code archivedAt}: null when not pinned/archived. */
    record Shelf(Instant pinnedAt, Instant archivedAt, TitleSource titleSource) {
        public boolean pinned() {
            return pinnedAt != null;
        }

        public boolean archived() {
            return archivedAt != null;
        }
    }

    /** The shelf of each of the user's chats, by chat id. */
    Map<Long, Shelf> shelves(long userId);

    /** Pins ({@code at} not null) or unpins (null) the chat. */
    void pin(long chatId, Instant at);

    /** Archives ({@code at} not null) or brings back (null) the chat. */
    void archive(long chatId, Instant at);

    /** The user's own title, which no model title replaces afterwards: the title and its source in one step. */
    void renameByUser(long chatId, String title);

    /** Marks that a model is writing the title, only if the title is still the first words; false otherwise. */
    boolean startModelTitle(long chatId);

    /** Stores a model's title, only while it is still awaited (the user did not rename the chat meanwhile); false otherwise. */
    boolean finishModelTitle(long chatId, String title);

    /** The model wrote no title: the first words stay (only while it was still awaited). */
    void abandonModelTitle(long chatId);
}
