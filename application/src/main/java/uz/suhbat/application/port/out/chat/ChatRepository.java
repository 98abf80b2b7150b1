package uz.suhbat.application.port.out.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.MessageStatus;
import uz.suhbat.domain.limit.MessageLimit;

/** Where chats and their messages are kept. */
public interface ChatRepository {

    /** Creates a chat holding its first user message, in one step (nothing is stored for a chat without messages). */
    StartedChat createWithFirstMessage(long userId, String title, String model, MessageLimit limit, String content, Instant now);

    record StartedChat(Chat chat, Message first) {
    }

    Optional<Chat> find(long chatId);

    /** Most recently updated first. */
    List<Chat> findByUser(long userId);

    /**
     * Adds a user message and counts it, only if the chat takes one ({@link Chat#takesMessage()}: below its
     * limit and not closed). Safe under concurrency: of several requests at limit−1, at most one gets a message.
     */
    Optional<Message> appendUserMessage(long chatId, String content, String model, Instant now);

    /**
     * Counts one more answer to the chat's last message (regenerate) against its limit, like a new message, only if the
     * chat is below its limit and not closed; safe under concurrency like {@link #appendUserMessage}. False otherwise.
     */
    boolean countAnswerAgain(long chatId, Instant now);

    Message appendAssistantMessage(long chatId, String content, MessageStatus status, String model, int inputTokens,
                                   int outputTokens, List<Message.Source> sources, Instant now);

    /**
     * Replaces the text, status, token counts and time of the assistant message at {@code rank}, in one statement: an answer
     * stored early (in progress, as {@link MessageStatus#INTERRUPTED}) is brought up to date while it streams and when it
     * ends. False when the chat has no assistant message at that rank (deleted meanwhile).
     */
    boolean updateAssistantMessage(long chatId, int rank, String content, MessageStatus status, int inputTokens, int outputTokens,
                                   Instant now);

    /** In rank order. */
    List<Message> messages(long chatId);

    /** Removes the last message if it has this rank (used to replace an interrupted answer). */
    void deleteLastMessage(long chatId, int rank);

    void rename(long chatId, String title);

    void changeModel(long chatId, String model);

    void close(long chatId, Chat.ClosedReason reason);

    /** Closes every chat that uses this model (for example a deleted knowledge model); they stay readable. */
    void closeAllWithModel(String model, Chat.ClosedReason reason);

    void delete(long chatId);
}
