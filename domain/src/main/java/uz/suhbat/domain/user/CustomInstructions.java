package uz.suhbat.domain.user;

import java.util.Optional;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.shared.Problem;

/**
 * What a user tells Suhbat once: who they are ({@code aboutYou}) and how answers should be
 * ({@code howToAnswer}), each at most {@link #MAX_LENGTH} characters. While {@code enabled}, every new
 * chat starts with them as a system message; a chat keeps the instructions it started with.
 */
public record CustomInstructions(String aboutYou, String howToAnswer, boolean enabled) {

    public static final int MAX_LENGTH = 1500;

    public static final CustomInstructions NONE = new CustomInstructions("", "", false);

    public CustomInstructions {
        aboutYou = clean(aboutYou, "aboutYou");
        howToAnswer = clean(howToAnswer, "howToAnswer");
    }

    private static String clean(String text, String field) {
        String stripped = text == null ? "" : text.strip().replace("\r\n", "\n");
        if (stripped.codePointCount(0, stripped.length()) > MAX_LENGTH) {
            throw new InvalidValueException(field, Problem.INSTRUCTIONS_TOO_LONG);
        }
        return stripped;
    }

    public boolean empty() {
        return aboutYou.isEmpty() && howToAnswer.isEmpty();
    }

    /** The system message a new chat starts with, when the instructions are on and say something. */
    public Optional<String> systemMessage() {
        if (!enabled || empty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder("The user has given these custom instructions. Follow them unless they conflict with"
                + " other instructions of this conversation.\n");
        if (!aboutYou.isEmpty()) {
            message.append("\nWhat the user wants you to know about them:\n").append(aboutYou).append('\n');
        }
        if (!howToAnswer.isEmpty()) {
            message.append("\nHow the user wants you to answer:\n").append(howToAnswer).append('\n');
        }
        return Optional.of(message.toString());
    }
}
