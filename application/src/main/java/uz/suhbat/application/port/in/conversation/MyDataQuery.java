package uz.suhbat.application.port.in.conversation;

import java.time.Instant;
import java.util.List;

/** "Download my data": every chat of the user, in full. */
public interface MyDataQuery {

    List<ExportedChat> chats(long userId);

    record ExportedChat(long id, String title, String model, Instant createdAt, Instant updatedAt, boolean pinned,
                        boolean archived, List<ExportedMessage> messages) {
    }

    /** {@code model}: the answer's model, null for the user's messages; {@code attachments}: a question's files. */
    record ExportedMessage(int rank, String role, String content, Instant createdAt, String status, String model,
                           List<ExportedFile> attachments) {
    }

    /**
     * A file attached to a question: {@code id} (its content is {@code GET /api/attachments/{id}/content}), name, kind
     * (pdf, docx, text, png, jpeg, webp), size in bytes, pages, and the text read out of it, page 1 first (empty for a
     * picture).
     */
    record ExportedFile(long id, String name, String kind, long size, int pages, List<String> pageTexts) {
    }
}
