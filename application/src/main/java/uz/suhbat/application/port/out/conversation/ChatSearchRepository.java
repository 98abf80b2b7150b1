package uz.suhbat.application.port.out.conversation;

import java.time.Instant;
import java.util.List;

/**
 * A user's search of their own chats, over titles and message text. Kept apart from the admin's search of every chat
 * ({@code ChatArchivePort}) so that each can be made fast for its own shape: this one is bounded by one user's chats.
 */
public interface ChatSearchRepository {

    /**
     * The user's chats (newest first, at most {@code limit}) whose title or a message contains {@code normalTerm}, a
     * term normalised by {@code SearchTerm.normalise} (lower case, no apostrophes), compared with the title and message
     * text normalised the same way; for each chat the matching messages in rank order (at most {@code perChat}).
     */
    List<Found> search(long userId, String normalTerm, int limit, int perChat);

    /** {@code messages} empty when only the title matched. */
    record Found(long chatId, String title, Instant updatedAt, boolean titleMatches, List<FoundMessage> messages) {
        public Found {
            messages = List.copyOf(messages);
        }
    }

    record FoundMessage(int rank, String role, String content) {
    }
}
