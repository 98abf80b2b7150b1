package uz.suhbat.application.port.out.chat;

/**
 * How many user messages a new chat of this user may hold: the admin's override for the user if
 * there is one, otherwise the default an admin set at /admin/limits, otherwise CHAT_MESSAGE_LIMIT.
 * The chat service asks once, when it creates a chat, and stores the answer with the chat.
 */
public interface ChatLimitPolicyPort {

    int limitForNewChat(long userId);
}
