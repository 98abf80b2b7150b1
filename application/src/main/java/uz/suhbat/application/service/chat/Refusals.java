package uz.suhbat.application.service.chat;

import java.util.Optional;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Refusal;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.user.User;

/** The checks every message goes through, in the order the user should hear of them. */
final class Refusals {

    static final int MAX_CONTENT = 32_000;

    private Refusals() {
    }

    /** The writer exists, is not blocked and has verified their address, and a model can answer. */
    static Optional<Refusal> writer(Optional<User> user, ChatModelPort model) {
        if (user.isEmpty()) {
            return Optional.of(Refusal.NOT_FOUND);
        }
        if (user.get().blocked()) {
            return Optional.of(Refusal.BLOCKED);
        }
        if (!user.get().emailVerified()) {
            return Optional.of(Refusal.EMAIL_NOT_VERIFIED);
        }
        if (!model.configured()) {
            return Optional.of(Refusal.MODEL_NOT_CONFIGURED);
        }
        return Optional.empty();
    }

    static Optional<Refusal> content(String content) {
        if (content == null || content.isBlank() || content.length() > MAX_CONTENT) {
            return Optional.of(Refusal.INVALID_CONTENT);
        }
        return Optional.empty();
    }

    static Optional<Refusal> model(Optional<ModelCatalog.ModelChoice> choice) {
        return choice.isPresent() ? Optional.empty() : Optional.of(Refusal.UNKNOWN_MODEL);
    }

    /** As {@link #model(Optional)}, but a model of a connection the admin turned off is refused as such. */
    static Optional<Refusal> model(Optional<ModelCatalog.ModelChoice> choice, ModelCatalog catalog, String modelId) {
        if (choice.isEmpty() && catalog.turnedOff(modelId)) {
            return Optional.of(Refusal.MODEL_TURNED_OFF);
        }
        return model(choice);
    }

    /** What the user hears when a chat takes no message: its limit, or that it is closed. */
    static Optional<Refusal> taking(Chat chat) {
        return chat.whyNoMessage().map(Refusals::of);
    }

    static Refusal of(Chat.ClosedReason reason) {
        return reason.liftedByHigherLimit() ? Refusal.LIMIT_REACHED : Refusal.CHAT_CLOSED;
    }
}
