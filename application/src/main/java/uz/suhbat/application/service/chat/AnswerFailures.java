package uz.suhbat.application.service.chat;

import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerFailure;
import uz.suhbat.application.port.out.ai.ChatModelPort;

/** What a failure of the model means to the one waiting for its answer. */
public final class AnswerFailures {

    private AnswerFailures() {
    }

    public static AnswerFailure of(ChatModelPort.FailureKind kind) {
        return switch (kind) {
            case NOT_CONFIGURED -> AnswerFailure.MODEL_NOT_CONFIGURED;
            case AUTHENTICATION -> AnswerFailure.MODEL_AUTH_FAILED;
            case RATE_LIMITED -> AnswerFailure.MODEL_RATE_LIMITED;
            case UNAVAILABLE -> AnswerFailure.MODEL_UNAVAILABLE;
            case TIMEOUT -> AnswerFailure.MODEL_TIMEOUT;
            case CONTEXT_TOO_LONG -> AnswerFailure.CHAT_CONTEXT_FULL;
            case BAD_REQUEST -> AnswerFailure.MODEL_BAD_REQUEST;
            case INTERRUPTED -> AnswerFailure.ANSWER_INTERRUPTED;
        };
    }
}
