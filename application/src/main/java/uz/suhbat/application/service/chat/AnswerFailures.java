package uz.suhbat.application.service.chat;

import uz.suhbat.application.port.out.ai.ChatModelPort;

/** The error code an answer stream reports for each failure of the model (message key: "chat.error." + code). */
public final class AnswerFailures {

    private AnswerFailures() {
    }

    public static String code(ChatModelPort.FailureKind kind) {
        return switch (kind) {
            case NOT_CONFIGURED -> "model_not_configured";
            case AUTHENTICATION -> "model_auth_failed";
            case RATE_LIMITED -> "model_rate_limited";
            case UNAVAILABLE -> "model_unavailable";
            case TIMEOUT -> "model_timeout";
            case CONTEXT_TOO_LONG -> "chat_context_full";
            case BAD_REQUEST -> "model_bad_request";
            case INTERRUPTED -> "answer_interrupted";
        };
    }
}
