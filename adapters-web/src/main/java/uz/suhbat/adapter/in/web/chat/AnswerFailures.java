package uz.suhbat.adapter.in.web.chat;

import java.util.Locale;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerFailure;

/** How a failed answer is named on the wire ({@code error} of the event stream) and for people (message bundle). */
public final class AnswerFailures {

    private AnswerFailures() {
    }

    /** "model_unavailable", "chat_context_full", ...: see docs/api.md. */
    public static String code(AnswerFailure failure) {
        return failure.name().toLowerCase(Locale.ROOT);
    }

    public static String messageKey(AnswerFailure failure) {
        return "chat.error." + code(failure);
    }
}
