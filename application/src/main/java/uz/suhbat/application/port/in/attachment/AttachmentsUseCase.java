package uz.suhbat.application.port.in.attachment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's files for their messages: uploaded first (checked by content, within the size and page limits, text read
 * out), then sent with a message by their ids (docs/api.md), shown with the chat afterwards.
 */
public interface AttachmentsUseCase {

    Upload upload(long userId, String fileName, byte[] content);

    /** The attachments of one of the user's chats (empty for someone else's chat). */
    List<AttachmentView> ofChat(long userId, long chatId);

    /** A file's bytes, for its owner: their pending upload or a file in one of their chats. */
    Optional<AttachmentContent> content(long userId, long attachmentId);

    /** What the composer needs to know before uploading and sending. */
    Limits limits();

    /** {@code rank}: the question it was sent with, 0 while pending; {@code kind}: pdf, docx, text, png, jpeg, webp. */
    record AttachmentView(long id, int rank, String name, String kind, boolean image, long size, int pages) {
    }

    record AttachmentContent(String name, String mediaType, byte[] content) {
        public AttachmentContent {
            Objects.requireNonNull(content, "content");
        }
    }

    /** {@code visionModels}: the picker ids whose models see pictures. */
    record Limits(long maxBytes, int maxPages, int perMessage, List<String> visionModels) {
        public Limits {
            visionModels = List.copyOf(visionModels);
        }
    }

    sealed interface Upload {
        record Stored(AttachmentView attachment) implements Upload {
        }

        record Refused(Reason reason) implements Upload {
        }
    }

    enum Reason {
        /** nothing was sent */
        EMPTY,
        /** larger than the size limit */
        TOO_LARGE,
        /** not a kind Suhbat reads */
        UNSUPPORTED,
        /** the name says a kind the content is not (a text renamed .png) */
        NOT_WHAT_NAME_SAYS,
        /** more pages than the limit */
        TOO_MANY_PAGES,
        /** a damaged document */
        BROKEN,
        /** a password-protected document */
        ENCRYPTED,
        /** a document with no text on any page (a scan) */
        NO_TEXT
    }
}
