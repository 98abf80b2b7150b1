package uz.suhbat.application.port.in.chat;

/** Renaming and deleting one's own chats. */
public interface ManageChatUseCase {

    /** False when the chat is not the user's (or does not exist). Titles are trimmed and cut to 200 characters. */
    boolean rename(long userId, long chatId, String title);

    boolean delete(long userId, long chatId);
}
