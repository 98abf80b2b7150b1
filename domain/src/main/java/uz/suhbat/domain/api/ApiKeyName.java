package uz.suhbat.domain.api;

import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.shared.Problem;

/** The name a user gives a key ("laptop", "Telegram bot"): 1 to 100 characters, trimmed, no control characters. */
public final class ApiKeyName {

    public static final int MAX = 100;

    private ApiKeyName() {
    }

    public static String parse(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > MAX || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("name", Problem.API_KEY_NAME);
        }
        return name;
    }
}
