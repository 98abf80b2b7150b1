package uz.suhbat.application.port.in.conversation;

import java.util.List;
import uz.suhbat.application.port.in.chat.ChatQuery.ChatSummary;

/** Pinning and archiving one's own chats. Archived chats leave the sidebar and are listed on the profile. */
public interface OrganizeChatsUseCase {

    /** False when the chat is not the user's (or does not exist). */
    boolean pin(long userId, long chatId, boolean pinned);

    /** False when the chat is not the user's (or does not exist). Archiving unpins. */
    boolean archive(long userId, long chatId, boolean archived);

    /** The user's archived chats, most recently archived first. */
    List<ChatSummary> archived(long userId);
}
