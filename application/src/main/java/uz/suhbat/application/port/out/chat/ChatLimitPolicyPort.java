package uz.suhbat.application.port.out.chat;

import java.util.Optional;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.user.User;

/**
 * How many user messages a new chat of this user may hold: the admin's override for the user if
 * there is one, otherwise the default an admin set at /admin/limits, otherwise CHAT_MESSAGE_LIMIT.
 * The chat service asks once, when it creates a chat, and stores the answer with the chat.
 */
public interface ChatLimitPolicyPort {

    /**
     * The user about to start a chat, with the limit that chat gets: everything a new chat needs to
     * know before its first message is stored, read together (one round trip, since every new chat
     * waits for it). Empty when there is no such user.
     */
    Optional<NewChatAuthor> authorOfNewChat(long userId);

    record NewChatAuthor(User user, MessageLimit limitForNewChat) {
    }
}
