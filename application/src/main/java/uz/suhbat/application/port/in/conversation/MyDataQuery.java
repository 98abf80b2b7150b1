package uz.suhbat.application.port.in.conversation;

import java.time.Instant;
import java.util.List;

/** "Download my data": every chat of the user, in full. */
public interface MyDataQuery {

    List<ExportedChat> chats(long userId);

    record ExportedChat(long id, String title, String model, Instant createdAt, Instant updatedAt, boolean pinned,
                        boolean archived, List<ExportedMessage> messages) {
    }

    /** {@code model}: the answer's model, null for the user's messages. */
    record ExportedMessage(int rank, String role, String content, Instant createdAt, String status, String model) {
    }
}
