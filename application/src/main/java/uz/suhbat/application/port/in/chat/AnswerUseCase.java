package uz.suhbat.application.port.in.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the use cases that end in a streamed answer share (starting a chat, sending, regenerating):
 * how the answer reaches its listener, and what asking for one gives.
 */
public interface AnswerUseCase {

    /** What asking for an answer gives: the answer is on its way, or it was refused and nothing was stored. */
    sealed interface Outcome {

        /** The answer is on its way to the listener; {@code stop} ends it early, keeping what arrived. */
        record Started(Runnable stop) implements Outcome {
            public Started {
                Objects.requireNonNull(stop, "stop");
            }
        }

        /** Nothing was stored; {@code reason} says why. */
        record Refused(Refusal reason) implements Outcome {
            public Refused {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /** Why an answer was refused (nothing was stored). */
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
        /** the chat's model belongs to a connection the admin turned off: the chat stays readable, new messages wait */
        MODEL_TURNED_OFF,
        /** the account is blocked */
        BLOCKED,
        /** no API key is configured */
        MODEL_NOT_CONFIGURED,
        /** nothing to answer again */
        NOTHING_TO_REGENERATE,
        /** the user has sent their daily quota of messages; the count starts again at the next (UTC) day */
        DAILY_QUOTA_REACHED,
        /** another answer in this chat is still on its way (one answer per chat at a time, on every node) */
        ANSWER_IN_PROGRESS,
        /** the message to edit is not a question on the chat's active branch */
        NOT_EDITABLE,
        /** an attached file is not the user's pending upload (already sent, deleted, or someone else's) */
        ATTACHMENT_NOT_FOUND,
        /** more files than one message may carry */
        TOO_MANY_ATTACHMENTS,
        /** pictures attached for a model that does not see pictures */
        IMAGES_NOT_SUPPORTED
    }

    /**
     * Receives one answer. Calls come from another thread, in this order: {@code chatCreated} (new
     * chats only), {@code sources} (PDF models), any number of {@code delta}, then exactly one of
     * {@code done} or {@code failed}. If a call throws (the browser went away), the answer is stopped.
     */
    interface AnswerListener {

        void chatCreated(long chatId, String title);

        void sources(List<ChatQuery.SourceView> sources);

        void delta(String text);

        void done(Done done);

        void failed(AnswerFailure failure);

        /** {@code today}: the user's daily quota after this message, empty when no quota applies. */
        record Done(int rank, int used, int limit, boolean readOnly, int inputTokens, int outputTokens,
                    Optional<ChatQuery.DailyAllowance> today) {
        }
    }

    /** Why an answer (or an admin's trial question) failed; the web adapter names it for programs and for people. */
    enum AnswerFailure {
        /** no API key is configured */
        MODEL_NOT_CONFIGURED,
        /** the upstream refused the key */
        MODEL_AUTH_FAILED,
        /** the upstream asked us to slow down, and retrying did not help */
        MODEL_RATE_LIMITED,
        /** the upstream could not be reached or failed */
        MODEL_UNAVAILABLE,
        /** the upstream went silent */
        MODEL_TIMEOUT,
        /** the conversation outgrew the model's context window; the chat is closed */
        CHAT_CONTEXT_FULL,
        /** the upstream refused the request */
        MODEL_BAD_REQUEST,
        /** the stream broke off */
        ANSWER_INTERRUPTED
    }
}
