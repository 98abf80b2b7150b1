package uz.suhbat.application.port.in.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uz.suhbat.application.port.in.api.ApiKeysUseCase.ApiCaller;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerFailure;
import uz.suhbat.application.port.in.chat.ChatQuery.DailyAllowance;
import uz.suhbat.application.port.in.chat.ChatQuery.ModelOption;
import uz.suhbat.application.port.in.chat.ChatQuery.SourceView;
import uz.suhbat.domain.chat.Role;

/**
 * A chat completion asked for through the OpenAI-compatible API: the caller sends the whole conversation, the
 * models, limits and daily quota of the chat screen apply, and the answer streams to a listener. Nothing becomes a
 * chat; what was used is counted per key (and the words kept only when API_STORE_CONTENT is on).
 */
public interface ApiCompletionUseCase {

    /** What the caller may pick: the same models as the chat screen's picker, PDF models included. */
    List<ModelOption> models(long userId);

    Outcome complete(ApiCaller caller, Request request, Listener listener);

    /** {@code messages} in order; a PDF model's passages are put before them as a system message. */
    record Request(String model, List<Turn> messages) {
        public Request {
            messages = messages == null ? List.of() : List.copyOf(messages);
        }
    }

    record Turn(Role role, String content) {
        public Turn {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
        }
    }

    sealed interface Outcome {
        /** The answer is on its way to the listener; {@code stop} ends it (the client went away). */
        record Started(Runnable stop) implements Outcome {
        }

        /** Nothing was asked of the model; {@code today} is the daily quota when that was the reason. */
        record Refused(Refusal reason, Optional<DailyAllowance> today) implements Outcome {
        }
    }

    enum Refusal {
        /** no messages, no question from the user, or a message too long */
        INVALID_MESSAGES,
        UNKNOWN_MODEL,
        /** the conversation does not fit the model's context window */
        CONTEXT_TOO_LONG,
        BLOCKED,
        EMAIL_NOT_VERIFIED,
        MODEL_NOT_CONFIGURED,
        DAILY_QUOTA_REACHED
    }

    /**
     * Receives one answer, from another thread: {@code sources} (PDF models), any number of {@code delta}, then one of
     * {@code done} or {@code failed}. A call that throws (the client went away) stops the answer.
     */
    interface Listener {
        void sources(List<SourceView> sources);

        void delta(String text);

        void done(int inputTokens, int outputTokens);

        void failed(AnswerFailure failure);
    }
}
