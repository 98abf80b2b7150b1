package uz.suhbat.application.port.in.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user writes to a chat and the model's answer streams back. The user's message is stored before
 * the model is called; the answer when it completes (or, cut short, as "interrupted").
 */
public interface SendMessageUseCase {

    /** Starts a new chat with its first message. */
    Outcome start(long userId, String model, String content, AnswerListener listener);

    /** Adds a message to an existing chat; {@code model} may be null to keep the chat's model. */
    Outcome send(long userId, long chatId, String content, String model, AnswerListener listener);

    /** Answers the last user message again, replacing an interrupted answer; the user's message is not repeated. */
    Outcome regenerate(long userId, long chatId, AnswerListener listener);

    sealed interface Outcome {
    }

    /** The answer is on its way to the listener; {@code stop} ends it early, keeping what arrived. */
    record Started(Runnable stop) implements Outcome {
        public Started {
            Objects.requireNonNull(stop, "stop");
        }
    }

    /** Nothing was stored; {@code reason} says why. */
    record Refused(Refusal reason) implements Outcome {
    }

    enum Refusal {
        /** no such chat for this user */
        NOT_FOUND,
        /** empty or too long a message */
        INVALID_CONTENT,
        /** the model is not offered */
        UNKNOWN_MODEL,
        /** the chat holds its limit of user messages */
        LIMIT_REACHED,
        /** the chat no longer fits the model's context window, or its model was deleted */
        CHAT_CLOSED,
        /** the e-mail address is not verified yet */
        EMAIL_NOT_VERIFIED,
        /** the account is blocked */
        BLOCKED,
        /** no API key is configured */
        MODEL_NOT_CONFIGURED,
        /** nothing to answer again */
        NOTHING_TO_REGENERATE,
        /** the user has sent their daily quota of messages; the count starts again at the next (UTC) day */
        DAILY_QUOTA_REACHED,
        /** another answer in this chat is still on its way (one answer per chat at a time, on every node) */
        ANSWER_IN_PROGRESS
    }

    /**
     * Receives one answer. Calls come from another thread, in this order: {@code chatCreated}
     * (new chats only), {@code sources} (PDF models), any number of {@code delta}, then exactly one of
     * {@code done} or {@code failed}. If a call throws (the browser went away), the answer is stopped.
     */
    interface AnswerListener {
        void chatCreated(long chatId, String title);

        void sources(List<ChatQuery.SourceView> sources);

        void delta(String text);

        void done(Done done);

        /** {@code code} is for programs ("model_unavailable", ...); {@code messageKey} is a message bundle key for people. */
        void failed(String code, String messageKey);
    }

    /** {@code today}: the user's daily quota after this message, empty when no quota applies. */
    record Done(int rank, int used, int limit, boolean readOnly, int inputTokens, int outputTokens,
                Optional<ChatQuery.DailyAllowance> today) {
    }
}
