package uz.suhbat.application.port.out.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.MessageNode;
import uz.suhbat.domain.chat.MessageStatus;
import uz.suhbat.domain.limit.MessageLimit;

/** Where chats and their messages are kept. */
public interface ChatRepository {

    /** Creates a chat holding its first user message, in one step (nothing is stored for a chat without messages). */
    StartedChat createWithFirstMessage(long userId, String title, String model, MessageLimit limit, String content, Instant now);

    record StartedChat(Chat chat, Message first) {
    }

    /**
     * {@link #createWithFirstMessage}, the new chat held for its first answer by the claim {@code answeringBy} of
     * {@link AnswerGuardPort} in the same insert (no statement of its own before the model is called) when this repository
     * keeps the claims: {@code claimed} tells. By default it does not, and the claim is taken through the guard.
     */
    default ClaimedStart createClaimedWithFirstMessage(long userId, String title, String model, MessageLimit limit, String content,
                                                       Instant now, String answeringBy) {
        return new ClaimedStart(createWithFirstMessage(userId, title, model, limit, content, now), false);
    }

    record ClaimedStart(StartedChat started, boolean claimed) {
    }

    Optional<Chat> find(long chatId);

    /** Most recently updated first. */
    List<Chat> findByUser(long userId);

    /**
     * Adds a user message and counts it, only if the chat takes one ({@link Chat#takesMessage()}: below its
     * limit and not closed). Safe under concurrency: of several requests at limit−1, at most one gets a message.
     */
    default Optional<Message> appendUserMessage(long chatId, String content, String model, Instant now) {
        return appendUserMessage(chatId, lastRank(messages(chatId)), content, model, now);
    }

    /**
     * Adds a user message following message {@code parentRank} (0: a first message), as {@link #appendUserMessage(long,
     * String, String, Instant)} does; it becomes the chosen version among the messages that follow the same one (an edited
     * question), and the active branch goes through it.
     */
    Optional<Message> appendUserMessage(long chatId, int parentRank, String content, String model, Instant now);

    /**
     * Counts one more answer to the chat's last message (regenerate) against its limit, like a new message, only if the
     * chat is below its limit and not closed; safe under concurrency like {@link #appendUserMessage}. False otherwise.
     */
    boolean countAnswerAgain(long chatId, Instant now);

    /** An answer following the last message of the active branch. */
    default Message appendAssistantMessage(long chatId, String content, MessageStatus status, String model, int inputTokens,
                                           int outputTokens, List<Message.Source> sources, Instant now) {
        return appendAssistantMessage(chatId, lastRank(messages(chatId)), content, status, model, inputTokens, outputTokens, sources, now);
    }

    /**
     * An answer to message {@code parentRank}; it becomes the chosen version among that message's answers (an answer given
     * again keeps the earlier ones as versions), and the active branch goes through it.
     */
    Message appendAssistantMessage(long chatId, int parentRank, String content, MessageStatus status, String model, int inputTokens,
                                   int outputTokens, List<Message.Source> sources, Instant now);

    /**
     * Replaces the text, status, token counts and time of the assistant message at {@code rank}, in one statement: an answer
     * stored early (in progress, as {@link MessageStatus#INTERRUPTED}) is brought up to date while it streams and when it
     * ends. False when the chat has no assistant message at that rank (deleted meanwhile).
     */
    boolean updateAssistantMessage(long chatId, int rank, String content, MessageStatus status, int inputTokens, int outputTokens,
                                   Instant now);

    /** The text so far of a streaming answer stored early at {@code rank} ({@link #saveAnswersSoFar}). */
    record AnswerSoFar(long chatId, int rank, String content, Instant now) {
    }

    /**
     * Brings the text of several streaming answers (all of a node's) up to date at once: one batch, one transaction. Each
     * changes only an answer still stored as {@link MessageStatus#INTERRUPTED} whose stored text is shorter, so that a
     * batch late behind an answer's final write (complete, or as far as it got) never overwrites it.
     */
    default void saveAnswersSoFar(List<AnswerSoFar> answers) {
        for (AnswerSoFar a : answers) {
            messages(a.chatId()).stream().filter(m -> m.rank() == a.rank() && m.role() == uz.suhbat.domain.chat.Role.ASSISTANT
                            && m.status() == MessageStatus.INTERRUPTED && m.content().length() < a.content().length())
                    .findAny().ifPresent(m -> updateAssistantMessage(a.chatId(), a.rank(), a.content(), MessageStatus.INTERRUPTED, 0, 0, a.now()));
        }
    }

    /** The active branch (domain {@code MessageTree}), in rank order: what the user sees and the model is sent. */
    List<Message> messages(long chatId);

    /** Every message of every branch with its place in the tree, in rank order. */
    List<MessageNode> tree(long chatId);

    /**
     * Makes message {@code rank} the chosen version among its versions, so that the active branch goes through it (and
     * below it, through the versions chosen there before). False when the chat has no such message.
     */
    boolean choose(long chatId, int rank);

    /**
     * Removes a question left unanswered ({@code MessageTree#removable}: it ends the active branch and nothing follows
     * it); the latest of its other versions, if any, becomes the chosen one. False (nothing changed) otherwise. What
     * the question counted against the chat's limit and the daily quota stays counted.
     */
    boolean removeUnanswered(long chatId, int rank);

    void rename(long chatId, String title);

    void changeModel(long chatId, String model);

    void close(long chatId, Chat.ClosedReason reason);

    /** Closes every chat that uses this model (for example a deleted knowledge model); they stay readable. */
    void closeAllWithModel(String model, Chat.ClosedReason reason);

    void delete(long chatId);

    private static int lastRank(List<Message> branch) {
        return branch.isEmpty() ? 0 : branch.get(branch.size() - 1).rank();
    }
}
