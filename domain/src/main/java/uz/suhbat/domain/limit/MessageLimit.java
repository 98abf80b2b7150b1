package uz.suhbat.domain.limit;

import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.shared.Problem;

/**
 * How many user messages a chat may hold: at least 1, at most {@value #MAX}. The cap keeps an
 * admin's typo (an extra zero or three) from turning a limit into no limit at all.
 */
public record MessageLimit(int value) {

    public static final int MAX = 100_000;

    public MessageLimit {
        if (value < 1 || value > MAX) {
            throw new InvalidValueException("limit", Problem.LIMIT_RANGE);
        }
    }

    /** Reads a form field; blank, non-numeric and out-of-range text are all invalid. */
    public static MessageLimit parse(String text) {
        try {
            return new MessageLimit(Integer.parseInt(text == null ? "" : text.strip()));
        } catch (NumberFormatException notANumber) {
            throw new InvalidValueException("limit", Problem.LIMIT_RANGE);
        }
    }

    /** Whether a chat that has {@code used} user messages may take another one under this limit. */
    public boolean allowsMoreThan(int used) {
        return used < value;
    }
}
