package uz.suhbat.application.port.out.attachment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uz.suhbat.domain.attachment.AttachmentKind;

/**
 * Files attached to messages, with their bytes and the text read out of them, page by page. An upload is pending (its
 * user's, no chat) until a message carries it; it is then bound to that chat and the question's rank. Gone with the
 * chat and with the user.
 */
public interface AttachmentRepository {

    /**
     * Stores a pending upload of {@code userId}; returns its id. {@code pageTexts}: page 1 first, empty for a picture;
     * {@code tokens}: the estimated tokens of that text.
     */
    long savePending(long userId, String name, AttachmentKind kind, byte[] content, List<String> pageTexts, int tokens, Instant created);

    /** The user's pending uploads among {@code ids} (bound ones and other users' are left out). */
    List<Stored> pending(long userId, List<Long> ids);

    /**
     * Binds the user's pending uploads among {@code ids} to the chat and the question's rank, in one statement; returns
     * how many were bound (fewer when one was bound meanwhile or deleted).
     */
    int bind(long userId, List<Long> ids, long chatId, int rank);

    /**
     * The chat's files among {@code ids} also go with its question {@code rank} (an edited version keeps its original's
     * files: the same file, not a copy); files of other chats are left out. Returns how many were added.
     */
    int carry(long chatId, List<Long> ids, int rank);

    /**
     * The chat's question {@code rank} is gone (a question removed unanswered; its rank may be given again): no file goes
     * with it any more. A file sent with it that a later version carries stays, as that version's; the others are deleted.
     */
    void release(long chatId, int rank);

    /**
     * The chat's attachments, by rank then upload order; a file carried by later versions is listed once for each
     * question it goes with, with that question's rank.
     */
    List<Stored> ofChat(long chatId);

    Optional<Stored> find(long id);

    Optional<byte[]> content(long id);

    /** The text of each page, page 1 first. */
    List<String> pageTexts(long id);

    /** Deletes pending uploads made before {@code cutoff}; returns how many. */
    int deletePendingBefore(Instant cutoff);

    /** An attachment without its bytes. {@code chatId} and {@code rank} are 0 while pending. */
    record Stored(long id, long userId, long chatId, int rank, String name, AttachmentKind kind, long size, int pages,
                  int tokens, Instant created) {
        public Stored {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }

        public boolean pending() {
            return chatId == 0;
        }
    }
}
